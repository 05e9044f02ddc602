using System.ComponentModel.DataAnnotations;

namespace IntegrifyBot.Routing;

/// <summary>
/// Checks an object a verb's data holds by its own data annotations: the validator looks at one
/// level only, and what a card carries is checked whole, however deep.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ValidatedObjectAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is null)
        {
            return ValidationResult.Success;
        }

        var problems = new List<ValidationResult>();
        return Validator.TryValidateObject(value, new ValidationContext(value), problems, validateAllProperties: true)
            ? ValidationResult.Success
            : new ValidationResult($"{validationContext.MemberName}: {string.Join("; ", problems.Select(problem => problem.ErrorMessage))}");
    }
}
