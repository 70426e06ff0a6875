using Dso.Domain.Pieces;

namespace Dso.Domain.Tests.Pieces;

public class PieceTypesTests
{
    [Theory]
    [InlineData(PieceType.CreditNote, 150, -150)]
    [InlineData(PieceType.CreditNote, -150, -150)]
    [InlineData(PieceType.UnappliedPayment, 80, -80)]
    [InlineData(PieceType.Invoice, 1000, 1000)]
    [InlineData(PieceType.Misc, -20, -20)]
    [InlineData(PieceType.Misc, 20, 20)]
    [InlineData(PieceType.DownPaymentRequest, 300, 300)]
    public void Normalize_StoresDebitsPositiveAndCreditsNegative_WhateverSignCreditsCome(PieceType type, int given, int stored) =>
        Assert.Equal(stored, type.Normalize(given));

    [Theory]
    [InlineData(PieceType.Invoice)]
    [InlineData(PieceType.DebitNote)]
    [InlineData(PieceType.BillOfExchange)]
    [InlineData(PieceType.DownPaymentRequest)]
    public void Normalize_RefusesNegativeAmount_ForDebitAndMemoTypes(PieceType type) => Assert.Null(type.Normalize(-1));

    [Fact]
    public void HasAccountingValue_IsFalseOnlyForDownPaymentRequests() =>
        Assert.Equal([PieceType.DownPaymentRequest], Enum.GetValues<PieceType>().Where(t => !t.HasAccountingValue()));
}
