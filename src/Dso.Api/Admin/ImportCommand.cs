using System.Globalization;
using System.Text.Json;
using Dso.Api.GraphQL.Common;
using Dso.Domain.Common;
using Dso.Domain.Imports;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.Admin;

/// <summary>
/// `admin import --organization ID --file export.csv --mapping mapping.json|name --mode FULL|DELTA [--source S]`:
/// the same pipeline as startImport, run in the foreground with a progress bar on stderr. The command claims its
/// own job with a lease like the server's worker, so a server on the same database never runs it too (and takes it
/// over if the command dies).
/// </summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, Dictionary<string, string> options)
    {
        var file = options["file"];
        if (!File.Exists(file))
        {
            return Fail($"No file '{file}'.");
        }

        if (!Enum.TryParse<ImportMode>(options.GetValueOrDefault("mode", "FULL"), ignoreCase: true, out var mode))
        {
            return Fail($"--mode is FULL or DELTA, not '{options["mode"]}'.");
        }

        DateOnly? asOf = null;
        if (options.TryGetValue("as-of", out var day))
        {
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Fail($"--as-of is a date written YYYY-MM-DD, not '{day}'.");
            }

            asOf = parsed;
        }

        var mapping = options["mapping"];
        var (json, name) = File.Exists(mapping) ? (await File.ReadAllTextAsync(mapping), (string?)null) : (null, mapping);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DsoDbContext>();
        var organization = options["organization"];
        var organizationId = GlobalId.DecodeAs("Organization", organization) ?? (long.TryParse(organization, CultureInfo.InvariantCulture, out var id) ? id : 0);
        if (!await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Id == organizationId))
        {
            return Fail($"No organization '{organization}'.");
        }

        scope.ServiceProvider.GetRequiredService<Tenant>().Enter(organizationId);
        await using var content = File.OpenRead(file);
        var started = await scope.ServiceProvider.GetRequiredService<StartImport>()
            .ExecuteAsync(new ImportRequest(Path.GetFileName(file), json, name, mode, options.GetValueOrDefault("source"), AsOf: asOf), content, CancellationToken.None);
        if (!started.Succeeded)
        {
            return Fail(string.Join(Environment.NewLine, started.Errors.Select(e => $"{string.Join('.', e.Field)}: {e.Message}")));
        }

        if (await scope.ServiceProvider.GetRequiredService<ClaimImport>().ExecuteAsync(started.Value!.Id, CancellationToken.None) is null)
        {
            return Fail("A server's worker took the job first; follow it with node(id:).");
        }

        var job = await scope.ServiceProvider.GetRequiredService<RunImport>().ExecuteAsync(started.Value.Id, new ProgressBar(), CancellationToken.None);
        await Console.Error.WriteLineAsync();
        var errors = await db.Set<ImportRowError>().Where(e => e.ImportJobId == job.Id).OrderBy(e => e.Id).Take(20)
            .Select(e => new { e.Line, e.Column, e.Message }).ToListAsync();
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
        {
            jobId = GlobalId.Encode("ImportJob", job.Id), state = job.State.ToString().ToUpperInvariant(), job.RowsRead, job.RowsImported,
            errors = job.ErrorCount, job.ClientsUpserted, job.PiecesUpserted, job.PiecesClosed, job.Message, firstErrors = errors,
        }, Camel));
        return job.State == ImportJobState.Succeeded ? 0 : 1;
    }

    private static readonly JsonSerializerOptions Camel = new(JsonSerializerDefaults.Web);

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }

    private sealed class ProgressBar : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) =>
            Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{value.Phase,-10} {value.Rows,12:N0} rows  {value.Errors,8:N0} errors  [{new string('#', (value.Rows / 20_000) % 41),-40}]"));
    }
}
