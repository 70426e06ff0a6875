using System.Globalization;
using Dso.Domain.Clients;
using Dso.Domain.Pieces;

namespace Dso.Domain.Demo;

/// <summary>
/// Realistic receivables at any size, the same for a given seed: French companies with valid SIRENs and
/// VAT numbers, invoices over the months before <c>today</c> with 30/45/60-day terms, most older ones
/// paid (some late, some in part), credit notes and unapplied payments.
/// </summary>
public sealed class DemoDataGenerator(int seed, DateOnly today, int months = 9)
{
    private static readonly string[] Trades =
        ["Boulangerie", "Transports", "Menuiserie", "Imprimerie", "Garage", "Pharmacie", "Bâtiment", "Électricité", "Plomberie", "Laboratoires",
         "Distribution", "Conseil", "Informatique", "Hôtellerie", "Agence", "Cave", "Fromagerie", "Textiles", "Mécanique", "Logistique"];

    private static readonly string[] Names =
        ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre",
         "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert",
         "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guerin", "Muller", "Henry", "Roussel"];

    private static readonly string[] Forms = ["SAS", "SARL", "SA", "EURL", "SASU"];
    private static readonly int[] Terms = [30, 30, 45, 45, 60];

    private readonly Random random = new(seed);

    public static string Siren(int serial)
    {
        var body = (10_000_000 + (serial % 89_999_999)).ToString(CultureInfo.InvariantCulture);
        for (var check = 0; check <= 9; check++)
        {
            var candidate = body + check.ToString(CultureInfo.InvariantCulture);
            if (CompanyIdentifiers.IsLuhnValid(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Unreachable: one check digit always fits.");
    }

    public static string VatNumber(string siren)
    {
        var key = (12 + (3 * (long.Parse(siren, CultureInfo.InvariantCulture) % 97))) % 97;
        return $"FR{key:00}{siren}";
    }

    public static string ClientCode(int index) => $"C{index + 1:000000}";

    public ClientInput Client(int index)
    {
        var siren = Siren((index * 7919) + 104_729);
        var name = $"{Trades[random.Next(Trades.Length)]} {Names[random.Next(Names.Length)]} {Forms[random.Next(Forms.Length)]}";
        var slug = string.Concat(name.Where(char.IsAsciiLetter)).ToLowerInvariant();
        return new ClientInput(
            ClientCode(index),
            name,
            siren,
            VatNumber(siren),
            CreditLimit: random.Next(4) == 0 ? null : random.Next(5, 200) * 1000m,
            Contacts: [new ContactInput($"Service comptabilité", $"compta@{slug}.example", $"+33 1 {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}", "fr", true)],
            Address: Address(index));
    }

    // From the index alone, so that the random sequence (and with it every other demo figure) stays as it was.
    private static PostalAddressInput Address(int index)
    {
        var (postalCode, city) = Cities[index % Cities.Length];
        return new PostalAddressInput($"{(index * 37 % 180) + 1} {Streets[index / Cities.Length % Streets.Length]}", null, postalCode, city, "FR");
    }

    private static readonly (string PostalCode, string City)[] Cities =
        [("75011", "Paris"), ("69003", "Lyon"), ("13002", "Marseille"), ("31000", "Toulouse"), ("33000", "Bordeaux"), ("59000", "Lille"), ("44000", "Nantes"), ("67000", "Strasbourg")];

    private static readonly string[] Streets = ["rue de la République", "avenue Jean Jaurès", "boulevard Victor Hugo", "rue du Commerce", "place de la Gare", "rue des Tanneurs"];

    /// <summary>
    /// The pieces of the data set as upserts in date order: each piece first as issued, then (for paid
    /// ones) again with its payments, each dated on its payment date so the balance history is real.
    /// </summary>
    public IEnumerable<PieceInput> Pieces(int clientCount, int pieceCount)
    {
        var firstDay = today.AddMonths(-months);
        var span = today.DayNumber - firstDay.DayNumber;
        for (var i = 0; i < pieceCount; i++)
        {
            var client = ClientCode(random.Next(clientCount));
            var issued = firstDay.AddDays(random.Next(span + 1));
            var roll = random.Next(100);
            if (roll < 4)
            {
                var credit = Amount(50, 3000);
                yield return new PieceInput(PieceType.CreditNote, $"AV{i + 1:0000000}", client, issued, issued, credit, credit, BalanceDate: issued);
                continue;
            }

            if (roll < 7)
            {
                var payment = Amount(100, 5000);
                yield return new PieceInput(PieceType.UnappliedPayment, $"RG{i + 1:0000000}", client, issued, issued, payment, payment, BalanceDate: issued);
                continue;
            }

            var amount = Amount(200, 25_000);
            var due = issued.AddDays(Terms[random.Next(Terms.Length)]);
            var number = $"FA{i + 1:0000000}";
            yield return new PieceInput(PieceType.Invoice, number, client, issued, due, amount, amount, BalanceDate: issued);

            // Older invoices are mostly paid: on time, late, or in two instalments.
            var paidBy = due.AddDays(random.Next(-10, 75));
            if (paidBy > today || random.Next(100) < 12)
            {
                continue;
            }

            if (random.Next(5) == 0)
            {
                var part = decimal.Round(amount * 0.4m, 2);
                var firstPayment = issued.AddDays(Math.Max(1, (paidBy.DayNumber - issued.DayNumber) / 2));
                yield return new PieceInput(PieceType.Invoice, number, client, issued, due, amount, amount - part, BalanceDate: firstPayment);
                if (random.Next(3) == 0)
                {
                    continue;
                }
            }

            yield return new PieceInput(PieceType.Invoice, number, client, issued, due, amount, 0, BalanceDate: paidBy < issued ? issued : paidBy);
        }
    }

    private decimal Amount(int min, int max) => decimal.Round(min + ((decimal)random.NextDouble() * (max - min)), 2);

    /// <summary>Upsert batches in date order; a piece appears once per batch, its later payments in a later one.</summary>
    public static IEnumerable<List<PieceInput>> InBatches(IEnumerable<PieceInput> pieces, int size)
    {
        var batch = new List<PieceInput>();
        var numbers = new HashSet<(PieceType, string)>();
        foreach (var piece in pieces.OrderBy(p => p.BalanceDate))
        {
            if (batch.Count == size || !numbers.Add((piece.Type, piece.Number)))
            {
                yield return batch;
                batch = [];
                numbers.Clear();
                numbers.Add((piece.Type, piece.Number));
            }

            batch.Add(piece);
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
