using Dso.Domain.Common;
using Dso.Domain.Organizations;

namespace Dso.Domain.Pieces;

/// <summary>An open item (invoice, credit note, unapplied payment...), its amounts signed from the company's side.</summary>
public sealed class Piece : ITenantOwned, IVersioned
{
    private readonly List<BalanceEvent> balanceHistory = [];

    private Piece()
    {
    }

    /// <summary>The source of pieces written through the API.</summary>
    public const string ApiSource = "api";

    public Piece(long organizationId, PieceType type, string number, string source, DateTimeOffset createdAt)
    {
        OrganizationId = organizationId;
        Type = type;
        Number = number;
        Source = source;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public PieceType Type { get; private set; }

    /// <summary>Unique per organization and type.</summary>
    public string Number { get; private set; } = "";

    public long ClientId { get; private set; }

    public DateOnly IssueDate { get; private set; }

    public DateOnly DueDate { get; private set; }

    public decimal Amount { get; private set; }

    /// <summary>What is still due today: the value of the latest balance event.</summary>
    public decimal OpenAmount { get; private set; }

    /// <summary>The date of the latest balance event.</summary>
    public DateOnly BalanceDate { get; private set; }

    /// <summary>The date of the first balance event: before it, the open amount is the full amount from the issue date on.</summary>
    public DateOnly HistoryStart { get; private set; }

    /// <summary>The date the open amount reached 0, while it stays there.</summary>
    public DateOnly? SettledOn { get; private set; }

    public string Currency { get; private set; } = "EUR";

    /// <summary>Who last wrote the piece ("api", or the import source): a FULL import settles the open pieces of its source it no longer lists.</summary>
    public string Source { get; private set; } = ApiSource;

    public long? StatusId { get; private set; }

    public string? StatusComment { get; private set; }

    public DateOnly? PromiseDate { get; private set; }

    public decimal? PromisedAmount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Raised by every change of the piece or its history (see <see cref="IVersioned"/>).</summary>
    public int Version { get; private set; }

    /// <summary>The dated open amounts; load it before <see cref="Apply"/> changes a balance.</summary>
    public IReadOnlyList<BalanceEvent> BalanceHistory => balanceHistory;

    public bool IsOpen => OpenAmount != 0;

    /// <summary>
    /// True when applying <paramref name="values"/> would record a balance event, so its history must
    /// be loaded first: the open amount differs from today's, or it is dated before the latest event.
    /// </summary>
    public bool NeedsBalanceChange(PieceValues values) =>
        Id == 0 || values.BalanceDate < BalanceDate || values.OpenAmount != OpenAmount;

    /// <summary>True when applying <paramref name="values"/> touches the balance history (a balance change, or a new currency its events carry).</summary>
    public bool NeedsHistory(PieceValues values) => NeedsBalanceChange(values) || values.Currency != Currency;

    /// <summary>True when applying these values (from this source) would change the piece.</summary>
    public bool Differs(PieceValues values, string source) =>
        Source != source || ClientId != values.ClientId || IssueDate != values.IssueDate || DueDate != values.DueDate || Amount != values.Amount ||
        Currency != values.Currency || ChangesPromise(values) || NeedsBalanceChange(values);

    private bool ChangesPromise(PieceValues values) => values.PromiseDate is { } date && date != PromiseDate;

    /// <summary>Applies an upsert; returns false (and touches nothing) when it says nothing new.</summary>
    public bool Apply(PieceValues values, string source, DateTimeOffset now)
    {
        var changed = false;
        if (Source != source)
        {
            Source = source;
            changed = true;
        }

        if (ClientId != values.ClientId || IssueDate != values.IssueDate || DueDate != values.DueDate ||
            Amount != values.Amount || Currency != values.Currency || ChangesPromise(values))
        {
            // A source that says nothing of a promise leaves the one a collector recorded.
            (ClientId, IssueDate, DueDate, Amount, Currency, PromiseDate) =
                (values.ClientId, values.IssueDate, values.DueDate, values.Amount, values.Currency, values.PromiseDate ?? PromiseDate);
            balanceHistory.ForEach(e => e.Currency = Currency);
            changed = true;
        }

        if (Id == 0 ||
            (NeedsBalanceChange(values) && OpenAmountOn(values.BalanceDate) != values.OpenAmount))
        {
            RecordBalance(values.BalanceDate, values.OpenAmount);
            changed = true;
        }

        if (changed)
        {
            Touch(now);
        }

        return changed;
    }

    /// <summary>
    /// The open amount on a date, from the history: the latest event on or before it; before the first
    /// event, the full amount from the issue date on; nothing before the piece was issued.
    /// </summary>
    public decimal OpenAmountOn(DateOnly date) => OpenAmountOn(balanceHistory, Amount, IssueDate, date);

    /// <summary>The open amount on a date from a piece's history (loaded apart from the piece).</summary>
    public static decimal OpenAmountOn(IEnumerable<BalanceEvent> history, decimal amount, DateOnly issueDate, DateOnly date)
    {
        var latest = history.Where(e => e.Date <= date).MaxBy(e => e.Date);
        if (latest is not null)
        {
            return latest.OpenAmount;
        }

        return date >= issueDate ? amount : 0;
    }

    /// <summary>Gives the piece a status and comment; the promise is replaced (or cleared) with it.</summary>
    public void Qualify(long statusId, string comment, DateOnly? promiseDate, decimal? promisedAmount, DateTimeOffset now)
    {
        (StatusId, StatusComment, PromiseDate, PromisedAmount) = (statusId, comment.Length == 0 ? null : comment, promiseDate, promisedAmount);
        Touch(now);
    }

    /// <summary>Settles the piece on a date (a FULL import that no longer lists it); false when it was already settled.</summary>
    public bool Settle(DateOnly on, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return false;
        }

        RecordBalance(on < BalanceDate ? BalanceDate : on, 0);
        Touch(now);
        return true;
    }

    /// <summary>Days overdue on a date: 0 when not yet due or settled.</summary>
    public int DaysOverdue(DateOnly on) => IsOpen ? BusinessCalendar.DaysOverdue(DueDate, on) : 0;

    // Every change raises the version, even one that leaves the piece's own columns as they were (a back-dated
    // event changes only its history): the save is then conditional on the version read.
    private void Touch(DateTimeOffset now) => (UpdatedAt, Version) = (now, Version + 1);

    private void RecordBalance(DateOnly date, decimal openAmount)
    {
        var existing = balanceHistory.Find(e => e.Date == date);
        if (existing is null)
        {
            balanceHistory.Add(new BalanceEvent(OrganizationId, date, openAmount, Currency, PieceTypes.Receivable.Contains(Type)));
        }
        else
        {
            existing.OpenAmount = openAmount;
        }

        var ordered = balanceHistory.OrderBy(e => e.Date).ToList();
        var previous = 0m;
        foreach (var e in ordered)
        {
            e.Change = e.OpenAmount - previous;
            previous = e.OpenAmount;
        }

        HistoryStart = ordered[0].Date;
        var last = ordered[^1];
        OpenAmount = last.OpenAmount;
        BalanceDate = last.Date;
        SettledOn = last.OpenAmount != 0 ? null : ordered.LastOrDefault(e => e.OpenAmount != 0) is { } lastOpen
            ? ordered.First(e => e.Date > lastOpen.Date).Date
            : ordered[0].Date;
    }
}
