using System.Globalization;
using System.Text.Json;
using Dso.Api.GraphQL;
using Dso.Api.GraphQL.Common;
using Dso.Api.Hosting;
using Dso.Domain.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.Admin;

/// <summary>
/// The admin command line, on the same binary with no server started; each command prints one JSON object
/// (or the SDL). Errors go to stderr with exit code 1 (bad arguments: 2).
/// </summary>
public static class AdminCommands
{
    private const string Usage = """
        Usage:
          Dso.Api admin create-organization --name "Acme SAS" [--currency EUR] [--time-zone Europe/Paris]
          Dso.Api admin list-organizations
          Dso.Api admin create-api-key --organization <id> --role ADMIN|COLLECTOR|SALES_REP|SALES_ADMIN|VIEWER
          Dso.Api admin create-user --organization <id> --name "Léa Petit" --email lea@acme.example --roles COLLECTOR[,VIEWER...]
          Dso.Api admin import --organization <id> --file export.csv --mapping mapping.json|<saved name> --mode FULL|DELTA [--source <name>] [--as-of YYYY-MM-DD]
          Dso.Api schema print            (also: admin schema print)
          Dso.Api admin migrations add <Name>   (developers: scaffolds a migration into src/Dso.Domain)
        """;

    // Accented names as they are (the output is UTF-8 for a terminal or a script, not HTML).
    private static readonly JsonSerializerOptions Output = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "admin" or "schema";

    public static async Task<int> RunAsync(string[] args)
    {
        var words = args[0] == "admin" ? args[1..] : args;
        var (command, options) = Parse(words);
        try
        {
            return command switch
            {
                "schema print" => await PrintSchemaAsync(args),
                "create-organization" => await CreateOrganizationAsync(args, options),
                "list-organizations" => await ListOrganizationsAsync(args),
                "create-api-key" => await CreateApiKeyAsync(args, options),
                "create-user" => await CreateUserAsync(args, options),
                "import" => await ImportAsync(args, options),
                "migrations add" when words.Length >= 3 => MigrationScaffolder.Add(words[2]),
                _ => Fail(2, Usage),
            };
        }
        catch (KeyNotFoundException e)
        {
            return Fail(2, e.Message + Environment.NewLine + Usage);
        }
    }

    private static async Task<int> PrintSchemaAsync(string[] args)
    {
        await using var app = DsoApp.Build(args);
        await Console.Out.WriteAsync(app.Services.GetRequiredService<DsoSchema>().PrintSdl());
        return 0;
    }

    private static async Task<int> CreateOrganizationAsync(string[] args, Dictionary<string, string> options)
    {
        await using var app = await StartAsync(args);
        using var scope = app.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CreateOrganization>().ExecuteAsync(
            new CreateOrganizationRequest(Required(options, "name"), options.GetValueOrDefault("currency", "EUR"), options.GetValueOrDefault("time-zone", "Europe/Paris")),
            CancellationToken.None);
        return outcome.Succeeded
            ? Print(new { organizationId = GlobalId.Encode("Organization", outcome.Value!.Organization.Id), apiKey = outcome.Value.ApiKey })
            : Fail(1, outcome.Errors);
    }

    private static async Task<int> ListOrganizationsAsync(string[] args)
    {
        await using var app = await StartAsync(args);
        using var scope = app.Services.CreateScope();
        var organizations = await scope.ServiceProvider.GetRequiredService<ListOrganizations>().ExecuteAsync(CancellationToken.None);
        return Print(new
        {
            organizations = organizations.Select(o => new { id = GlobalId.Encode("Organization", o.Id), name = o.Name, currency = o.MainCurrency, timeZone = o.TimeZone, createdAt = o.CreatedAt }),
        });
    }

    private static async Task<int> CreateApiKeyAsync(string[] args, Dictionary<string, string> options)
    {
        var id = OrganizationId(options);
        if (Roles(Required(options, "role")) is not { } role)
        {
            return Fail(2, $"Unknown role '{options["role"]}'.");
        }

        await using var app = await StartAsync(args);
        using var scope = app.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CreateApiKey>().ExecuteAsync(id, role, CancellationToken.None);
        return outcome.Succeeded ? Print(new { apiKey = outcome.Value }) : Fail(1, outcome.Errors);
    }

    /// <summary>Creates a person's user and their first API key.</summary>
    private static async Task<int> CreateUserAsync(string[] args, Dictionary<string, string> options)
    {
        var id = OrganizationId(options);
        if (Roles(Required(options, "roles")) is not { } roles)
        {
            return Fail(2, $"Unknown role in '{options["roles"]}'.");
        }

        await using var app = await StartAsync(args);
        using var scope = app.Services.CreateScope();
        if (!await scope.ServiceProvider.GetRequiredService<Dso.Domain.Persistence.DsoDbContext>().Organizations.IgnoreQueryFilters().AnyAsync(o => o.Id == id))
        {
            return Fail(1, $"No organization {options["organization"]}.");
        }

        scope.ServiceProvider.GetRequiredService<Tenant>().Enter(id);
        var user = await scope.ServiceProvider.GetRequiredService<CreateUser>().ExecuteAsync(
            new UserInput(Required(options, "name"), Required(options, "email"), roles), CancellationToken.None);
        if (!user.Succeeded)
        {
            return Fail(1, user.Errors);
        }

        var key = await scope.ServiceProvider.GetRequiredService<IssueApiKey>().ExecuteAsync(user.Value!.Id, CancellationToken.None);
        return Print(new { userId = GlobalId.Encode("User", user.Value.Id), apiKey = key.Value!.Secret });
    }

    private static long OrganizationId(Dictionary<string, string> options)
    {
        var organization = Required(options, "organization");
        return GlobalId.DecodeAs("Organization", organization) ?? (long.TryParse(organization, CultureInfo.InvariantCulture, out var numeric) ? numeric : 0);
    }

    /// <summary>Roles written as in the API (COLLECTOR,SALES_REP), combined; null when one is unknown.</summary>
    private static Role? Roles(string text)
    {
        var roles = Role.None;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<Role>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var role) || role == Role.None || !Enum.IsDefined(role))
            {
                return null;
            }

            roles |= role;
        }

        return roles == Role.None ? null : roles;
    }

    private static async Task<int> ImportAsync(string[] args, Dictionary<string, string> options)
    {
        foreach (var name in new[] { "organization", "file", "mapping" })
        {
            Required(options, name);
        }

        await using var app = await StartAsync(args);
        return await ImportCommand.RunAsync(app.Services, options);
    }

    private static async Task<WebApplication> StartAsync(string[] args)
    {
        // Standard output carries the command's JSON only: every log line goes to standard error.
        var app = DsoApp.Build(args, b => b.Logging.SetMinimumLevel(LogLevel.Warning)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        await app.Services.InitializeAsync();
        return app;
    }

    private static (string Command, Dictionary<string, string> Options) Parse(string[] words)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < words.Length)
            {
                options[words[i][2..]] = words[++i];
            }
            else
            {
                positional.Add(words[i]);
            }
        }

        var command = positional.Count >= 2 && positional[0] is "schema" or "migrations" ? $"{positional[0]} {positional[1]}" : positional.FirstOrDefault() ?? "";
        return (command, options);
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"--{name} is required.");

    private static int Print(object value)
    {
        Console.Out.WriteLine(JsonSerializer.Serialize(value, Output));
        return 0;
    }

    private static int Fail(int code, IReadOnlyList<UserError> errors) =>
        Fail(code, string.Join(Environment.NewLine, errors.Select(e => $"{string.Join('.', e.Field)}: {e.Message}")));

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine(message);
        return code;
    }
}
