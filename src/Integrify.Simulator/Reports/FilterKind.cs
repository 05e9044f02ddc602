namespace Integrify.Simulator.Reports;

internal enum FilterKind
{
    /// <summary>Rows whose column contains the text, ignoring case.</summary>
    Text,

    /// <summary>Rows whose column is at least the number.</summary>
    Number,

    /// <summary>A number of days back from today, or <c>[start, end]</c> (inclusive; either may be null).</summary>
    Date,

    /// <summary>One of the filter's options, or an array of them.</summary>
    Choice,
}
