using Dso.Domain.Imports;
using Dso.Domain.Pieces;

namespace Dso.Domain.Tests.Imports;

public sealed class PieceKeySetTests
{
    [Fact]
    public void AKeyMetAgain_GivesTheLineItWasFirstOn_WhateverTheNumberOfKeysBetween()
    {
        var set = new PieceKeySet();
        Assert.True(set.TryAdd(PieceType.Invoice, "FA-0001", 2, out _));
        for (var i = 0; i < 100_000; i++)
        {
            Assert.True(set.TryAdd(PieceType.Invoice, $"F{i:D7}", i + 3, out var line));
            Assert.Equal(i + 3, line);
        }

        Assert.False(set.TryAdd(PieceType.Invoice, "FA-0001", 100_010, out var first));
        Assert.Equal(2, first);
        Assert.False(set.TryAdd(PieceType.Invoice, "F0054321", 100_011, out first));
        Assert.Equal(54_324, first);
        Assert.Equal(100_001, set.Count);
    }

    [Fact]
    public void TheTypeIsPartOfTheKey_AndNumbersAreComparedExactly()
    {
        var set = new PieceKeySet();
        Assert.True(set.TryAdd(PieceType.Invoice, "N° 12", 2, out _));
        Assert.True(set.TryAdd(PieceType.CreditNote, "N° 12", 3, out _));
        Assert.True(set.TryAdd(PieceType.Invoice, "n° 12", 4, out _));
        Assert.True(set.TryAdd(PieceType.Invoice, "N° 12 ", 5, out _));
        Assert.True(set.TryAdd(PieceType.Invoice, new string('x', 600), 6, out _));
        Assert.False(set.TryAdd(PieceType.Invoice, new string('x', 600), 7, out var first));
        Assert.Equal(6, first);
        Assert.False(set.TryAdd(PieceType.CreditNote, "N° 12", 8, out first));
        Assert.Equal(3, first);

        set.Clear();
        Assert.True(set.TryAdd(PieceType.CreditNote, "N° 12", 9, out _));
        Assert.Equal(1, set.Count);
    }
}
