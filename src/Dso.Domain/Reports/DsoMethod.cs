namespace Dso.Domain.Reports;

/// <summary>How days sales outstanding are computed (domain-rules §5).</summary>
public enum DsoMethod
{
    /// <summary>Walk back over the sales of past months until they account for the receivables.</summary>
    Countback,

    /// <summary>Receivables over the sales of the last three periods, times their days.</summary>
    Simple,
}
