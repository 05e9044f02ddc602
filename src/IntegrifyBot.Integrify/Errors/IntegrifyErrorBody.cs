namespace IntegrifyBot.Integrify.Errors;

/// <summary>Integrify's error shape: {"status","message","description"}, plus who and when on a 409.</summary>
internal sealed record IntegrifyErrorBody
{
    public int? Status { get; init; }
    public string? Message { get; init; }
    public string? Description { get; init; }
    public string? CompletedBy { get; init; }
    public DateTimeOffset? CompletedDate { get; init; }
}
