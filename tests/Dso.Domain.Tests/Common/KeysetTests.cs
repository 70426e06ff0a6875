using Dso.Domain.Clients;
using Dso.Domain.Common.Paging;
using Dso.Domain.Pieces;
using Microsoft.Extensions.DependencyInjection;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Common;

public class KeysetTests
{
    [Theory]
    [InlineData(PieceOrderField.DueDate, false)]
    [InlineData(PieceOrderField.OpenAmount, true)]
    [InlineData(PieceOrderField.Number, false)]
    public async Task Paging_ForwardAndBackward_VisitsEveryPieceOnceInOrder(PieceOrderField field, bool descending)
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"));
        // Repeated due dates and amounts: the id breaks ties.
        await db.UpsertPiecesAsync(Enumerable.Range(1, 23).Select(i => Invoice($"F{i:00}", "ALPHA", "2025-05-01", $"2025-06-{1 + (i % 5):00}", 100m * (i % 4))).ToArray());
        var order = new[] { new SortOrder<PieceOrderField>(field, descending) };

        var forward = await WalkAsync(db, order, backward: false);
        var backward = await WalkAsync(db, order, backward: true);

        Assert.Equal(23, forward.Distinct().Count());
        Assert.Equal(forward, backward);
        var all = await db.RunAsync(sp => sp.GetRequiredService<ListPieces>().ExecuteAsync(null, order, new PageRequest(100, null, null, null), default));
        Assert.Equal(all.Edges.Select(e => e.Node.Number), forward);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("WyJ4IiwxXQ")]
    public async Task Paging_RefusesACursorItDidNotIssue(string cursor)
    {
        await using var db = await TestDatabase.CreateAsync();

        await Assert.ThrowsAsync<InvalidCursorException>(() =>
            db.RunAsync(sp => sp.GetRequiredService<ListPieces>().ExecuteAsync(null, null, new PageRequest(10, cursor, null, null), default)));
    }

    [Theory]
    [InlineData(0, null, "first")]
    [InlineData(101, null, "first")]
    [InlineData(null, -1, "last")]
    [InlineData(5, 5, "last")]
    public void PageRequest_Validate_NamesTheArgumentOutOfBounds(int? first, int? last, string argument) =>
        Assert.Equal(argument, new PageRequest(first, null, last, null).Validate()[0].Field[0]);

    private static async Task<List<string>> WalkAsync(TestDatabase db, SortOrder<PieceOrderField>[] order, bool backward)
    {
        var numbers = new List<string>();
        string? cursor = null;
        while (true)
        {
            var request = backward ? new PageRequest(null, null, 5, cursor) : new PageRequest(5, cursor, null, null);
            var page = await db.RunAsync(sp => sp.GetRequiredService<ListPieces>().ExecuteAsync(null, order, request, default));
            var items = page.Edges.Select(e => e.Node.Number);
            numbers = backward ? [.. items, .. numbers] : [.. numbers, .. items];
            if (!(backward ? page.HasPreviousPage : page.HasNextPage))
            {
                return numbers;
            }

            cursor = backward ? page.Edges[0].Cursor : page.Edges[^1].Cursor;
        }
    }
}
