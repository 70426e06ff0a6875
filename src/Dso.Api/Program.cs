using Dso.Api.Admin;
using Dso.Api.Hosting;

if (AdminCommands.Handles(args))
{
    return await AdminCommands.RunAsync(args);
}

WebApplication? app = null;
try
{
    app = DsoApp.Build(args);
    if (StartupFailures.Check(app) is { } refused)
    {
        await Console.Error.WriteLineAsync(refused);
        return 1;
    }

    await app.Services.InitializeAsync();
}
catch (Exception e) when (StartupFailures.Describe(e, app?.Configuration) is { } refused)
{
    await Console.Error.WriteLineAsync(refused);
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>The entry point (public for the tests' host).</summary>
public partial class Program;
