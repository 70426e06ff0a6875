using Dso.Domain.Common;

namespace Dso.Domain.Work;

/// <summary>The lease on some work lapsed and another worker took it: this one stops and leaves the work to it.</summary>
public sealed class LeaseLostException(string what) : DsoException("LEASE_LOST", $"The lease on {what} was taken over by another worker.");
