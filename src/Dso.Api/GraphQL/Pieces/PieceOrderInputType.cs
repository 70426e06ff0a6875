using Dso.Api.GraphQL.Common;
using Dso.Domain.Pieces;

namespace Dso.Api.GraphQL.Pieces;

/// <summary>One ordering of a pieces list.</summary>
public sealed class PieceOrderInputType() : OrderInputGraphType<PieceOrderField>("PieceOrder");
