using System.ComponentModel.DataAnnotations;

namespace IntegrifyBot.Routing;

/// <summary>
/// Checks an object a verb's data holds by its own data annotations: the validator looks at one
/// level only, and what a card carries is checked whole, however deep. On a list, each item is checked.
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
        var items = value is System.Collections.IEnumerable list and not string ? list.Cast<object?>() : [value];
        foreach (var item in items)
        {
            if (item is null)
            {
                problems.Add(new ValidationResult("an empty item"));
                continue;
            }

            Validator.TryValidateObject(item, new ValidationContext(item), problems, validateAllProperties: true);
        }

        return problems.Count == 0
            ? ValidationResult.Success
            : new ValidationResult($"{validationContext.MemberName}: {string.Join("; ", problems.Select(problem => problem.ErrorMessage))}");
    }
}
