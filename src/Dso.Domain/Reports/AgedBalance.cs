namespace Dso.Domain.Reports;

/// <summary>One bucket of an aged balance, in the main currency.</summary>
public sealed record AgedBucket(string Label, int? FromDays, int? ToDays, decimal Amount, int Count);

/// <summary>The aged balance on a date, in the main currency (domain-rules §5).</summary>
public sealed record AgedBalance(DateOnly AsOf, string Currency, AgingBuckets Buckets, decimal Total, decimal Overdue, decimal LateRate, IReadOnlyList<AgedBucket> Amounts);

/// <summary>One client's line of an aged balance.</summary>
public sealed record AgedBalanceRow(long ClientId, decimal Outstanding, decimal Unapplied, IReadOnlyList<AgedBucket> Buckets);

/// <summary>The lines of one collector's portfolio summed (<see cref="CollectorId"/> null: clients without a collector).</summary>
public sealed record AgedBalanceGroup(long? CollectorId, int Clients, decimal Outstanding, IReadOnlyList<AgedBucket> Buckets);
