using Dso.Bench;

// Usage (Release): dotnet run -c Release --project bench/Dso.Bench -- api [pieces ...]      (default 100000 1000000)
//                  dotnet run -c Release --project bench/Dso.Bench -- limits [pieces]       (default 100000)
//                  dotnet run -c Release --project bench/Dso.Bench -- import [pieces]       (default 1000000)
//                  dotnet run -c Release --project bench/Dso.Bench -- sync [pieces]         (default 1000000)
//                  dotnet run -c Release --project bench/Dso.Bench -- csv [rows]            (default 1000000)
//                  dotnet run -c Release --project bench/Dso.Bench -- reports [pieces]      (default 1000000)
//                  dotnet run -c Release --project bench/Dso.Bench -- scenarios [pieces]    (default 1000000)
//                  dotnet run -c Release --project bench/Dso.Bench -- scoring [pieces]      (default 1000000)
//                  dotnet run -c Release --project bench/Dso.Bench -- messaging [emails]    (default 10000)
//                  dotnet run -c Release --project bench/Dso.Bench -- alerts [subscribers] [webhook deliveries]  (default 5000 1000)
// Prints Markdown tables for the README, preceded by the machine they ran on.
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Console.WriteLine();
var sizes = args.Skip(1).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
switch (args.FirstOrDefault())
{
    case "import":
        await ImportBenchmark.RunAsync(sizes.FirstOrDefault(1_000_000));
        break;
    case "sync":
        await SyncBenchmark.RunAsync(sizes.FirstOrDefault(1_000_000));
        break;
    case "csv":
        CsvBenchmark.Run(sizes.FirstOrDefault(1_000_000));
        break;
    case "scenarios":
        await ScenarioBenchmark.RunAsync(sizes.FirstOrDefault(1_000_000));
        break;
    case "reports":
        await ReportsBenchmark.RunAsync(sizes.FirstOrDefault(1_000_000));
        break;
    case "scoring":
        await ScoringBenchmark.RunAsync(sizes.FirstOrDefault(1_000_000));
        break;
    case "messaging":
        await MessagingBenchmark.RunAsync(sizes.FirstOrDefault(10_000));
        break;
    case "alerts":
        await AlertsBenchmark.RunAsync(sizes.FirstOrDefault(5_000), sizes.Skip(1).FirstOrDefault(1_000));
        break;
    case "limits":
        await ApiBenchmark.RunLimitsAsync(sizes.FirstOrDefault(100_000));
        break;
    case "api" or null:
        await ApiBenchmark.RunAsync(sizes.Length > 0 ? sizes : [100_000, 1_000_000]);
        break;
    default:
        Console.Error.WriteLine("Benchmarks: api, limits, import, sync, csv, reports, scenarios, scoring, messaging, alerts.");
        return 2;
}

return 0;
