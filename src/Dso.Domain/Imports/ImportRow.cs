using Dso.Domain.Clients;
using Dso.Domain.Pieces;

namespace Dso.Domain.Imports;

/// <summary>A row of a file as inputs: the client it names (when the file has client columns) and its piece (PIECES files).</summary>
public sealed record ImportRow(int Line, ClientInput? Client, PieceInput? Piece);
