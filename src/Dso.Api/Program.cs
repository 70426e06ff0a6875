using Dso.Api.Admin;
using Dso.Api.Hosting;

if (AdminCommands.Handles(args))
{
    return await AdminCommands.RunAsync(args);
}

var app = DsoApp.Build(args);
await app.Services.InitializeAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point (public for the tests' host).</summary>
public partial class Program;
