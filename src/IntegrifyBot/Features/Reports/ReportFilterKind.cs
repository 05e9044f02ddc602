namespace IntegrifyBot.Features.Reports;

/// <summary>The kinds of exposed filter, each asked for with its own kind of card input.</summary>
public enum ReportFilterKind
{
    /// <summary>Rows whose field contains the text.</summary>
    Text,

    /// <summary>A number (Integrify applies the filter's operator, such as "at least").</summary>
    Number,

    /// <summary>A date range: from, to, or both.</summary>
    DateRange,

    /// <summary>One of the filter's options.</summary>
    Choice,
}
