using System.Diagnostics;
using System.Globalization;
using System.Text;

using Sylvan.Data.Csv;

namespace Dso.Bench;

/// <summary>Reads the same Sage-style export, every cell as text, with Sylvan.Data.Csv and with CsvHelper (best of 3).</summary>
internal static class CsvBenchmark
{
    public static void Run(int rows)
    {
        var folder = Directory.CreateTempSubdirectory("dso-csv-bench-").FullName;
        var path = Path.Combine(folder, "export.csv");
        ImportBenchmark.Generate(path, rows, Math.Max(10, rows / 20));
        var encoding = Encoding.GetEncoding(1252);
        var sylvan = Best(() =>
        {
            using var reader = Sylvan.Data.Csv.CsvDataReader.Create(new StreamReader(path, encoding), new CsvDataReaderOptions { Delimiter = ';' });
            long cells = 0;
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    cells += reader.GetString(i).Length > 0 ? 1 : 0;
                }
            }

            return cells;
        });
        var csvHelper = Best(() =>
        {
            using var reader = CsvHelper.CsvReader.Create(new StreamReader(path, encoding), new CsvHelper.CsvReaderOptions { Separator = ';', HasHeader = true }, false);
            long cells = 0;
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    cells += reader.GetString(i).Length > 0 ? 1 : 0;
                }
            }

            return cells;
        });
        Console.WriteLine("| rows | Sylvan.Data.Csv | CsvHelper |");
        Console.WriteLine("|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {rows:N0} | {sylvan:N2} s | {csvHelper:N2} s |"));
        Directory.Delete(folder, recursive: true);
    }

    private static double Best(Func<long> read)
    {
        var best = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            read();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return best;
    }
}
