using Coravel;
using Dso.Api.Auth;
using Dso.Api.Exports;
using Dso.Api.GraphQL;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.DataLoading;
using Dso.Api.GraphQL.Limits;
using Dso.Api.GraphQL.Transport;
using Dso.Domain;
using Dso.Domain.Common;
using Dso.Domain.Persistence;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.Hosting;

/// <summary>Wires the API's services: persistence, the domain, authentication and GraphQL.</summary>
public static class DsoServices
{
    public static WebApplicationBuilder AddDso(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        services.AddDsoPersistence(configuration[$"{DatabaseOptions.Section}:Provider"] ?? "Sqlite", configuration.GetConnectionString("Dso"));
        services.AddDsoDomain();
        services.AddOptions<DomainOptions>()
            .Configure(o =>
            {
                o.MaxImportFileBytes = configuration.GetValue("Dso:Imports:MaxFileBytes", o.MaxImportFileBytes);
                o.Xlsx = new(
                    configuration.GetValue("Dso:Imports:MaxDecompressedBytes", o.Xlsx.MaxDecompressedBytes),
                    configuration.GetValue("Dso:Imports:MaxCompressionRatio", o.Xlsx.MaxCompressionRatio));
                o.LeaseDuration = configuration.GetValue("Dso:Work:LeaseDuration", o.LeaseDuration);
                o.EventRetention = configuration.GetValue("Dso:Events:Retention", o.EventRetention);
                o.PortalLinkLifetime = configuration.GetValue("Dso:Portal:LinkLifetime", o.PortalLinkLifetime);
            })
            .Validate(o => o.MaxImportFileBytes > 0, "Dso:Imports:MaxFileBytes must be a positive number of bytes.")
            .Validate(o => o.Xlsx.MaxDecompressedBytes > 0, "Dso:Imports:MaxDecompressedBytes must be a positive number of bytes.")
            .Validate(o => o.Xlsx.MaxCompressionRatio >= 2, "Dso:Imports:MaxCompressionRatio must be at least 2.")
            .Validate(o => o.LeaseDuration >= TimeSpan.FromSeconds(1), "Dso:Work:LeaseDuration must be at least 00:00:01.")
            .Validate(o => o.EventRetention > TimeSpan.Zero, "Dso:Events:Retention must be positive.")
            .Validate(o => o.PortalLinkLifetime >= TimeSpan.FromHours(1), "Dso:Portal:LinkLifetime must be at least 01:00:00.")
            .ValidateOnStart();
        services.AddOptions<Jobs.EventOptions>().BindConfiguration(Jobs.EventOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TransportOptions>().BindConfiguration(TransportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.Configure<DsoOptions>(o =>
        {
            o.BootstrapApiKey = configuration["Dso:Auth:BootstrapApiKey"];
            o.SeedDemo = configuration.GetValue<bool>("Dso:Demo:Seed");
        });
        services.AddHealthChecks();
        // A stopping server tells all its background workers at once (each gives its claimed work back), not one
        // after the other: an import is not left to finish while the others stop.
        services.Configure<HostOptions>(o => o.ServicesStopConcurrently = true);
        services.AddHostedService<Jobs.DatabaseMaintenanceJob>();
        services.AddScheduler();
        services.AddTransient<Jobs.ScenarioMorningJob>();
        services.AddOptions<Messaging.SmtpOptions>().BindConfiguration(Messaging.SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Messaging.MessagingOptions>().BindConfiguration(Messaging.MessagingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Messaging.SmsOptions>().BindConfiguration(Messaging.SmsOptions.Section);
        services.AddOptions<Messaging.LetterOptions>().BindConfiguration(Messaging.LetterOptions.Section);
        services.AddHttpClient(Messaging.SmsChannel.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        foreach (var channel in new[] { Domain.Scenarios.Channel.Email, Domain.Scenarios.Channel.InternalEmail })
        {
            services.AddSingleton<Domain.Messaging.IMessageChannel>(sp => new Messaging.SmtpChannel(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Messaging.SmtpOptions>>(), sp.GetRequiredService<TimeProvider>(), channel));
        }

        services.AddSingleton<Domain.Messaging.IMessageChannel, Messaging.SmsChannel>();
        services.AddSingleton<Domain.Messaging.IMessageChannel, Messaging.LetterChannel>();
        Portal.PortalServices.AddDsoPortal(services, configuration);
        services.AddTransient<Jobs.OutboxJob>();
        services.AddSingleton<Jobs.ImportSignal>();
        services.AddHostedService<Jobs.ImportWorker>();
        services.AddHostedService<Jobs.EventDispatcherJob>();
        Plugins.PluginServices.AddDsoPlugins(services);
        Webhooks.WebhookServices.AddDsoWebhooks(services);

        services.Configure<JwtOptions>(configuration.GetSection(JwtOptions.Section));
        services.AddSingleton<TokenValidator>();
        services.AddScoped<BearerCredentials>();
        services.AddSingleton<FailedAuthentications>();
        services.AddOptions<FailedAuthenticationOptions>().BindConfiguration(FailedAuthenticationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(Policies.Add);

        services.Configure<ExportOptions>(configuration.GetSection("Dso:Exports"));
        services.AddSingleton<ExportLinks>();
        services.AddHttpContextAccessor();
        services.AddScoped<RequestPrincipal>();
        services.AddOptions<LimitOptions>().BindConfiguration(LimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CostBudgets>();
        services.AddScoped<RequestCost>();
        services.AddScoped<Loaders>();
        services.AddSingleton<GraphQLRequestReader>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddSingleton<GraphQLWebSocketEndpoint>();
        services.AddSingleton<GraphQLSseEndpoint>();
        services.AddSingleton(RequestRules.Default);
        services.AddSingleton<IConfigureExecution, DocumentCache>();
        services.AddSingleton<IConfigureExecution, DocumentBounds>();
        services.AddSingleton<IConfigureExecution, GraphQL.Common.ErrorHints>();
        var development = builder.Environment.IsDevelopment();
        services.AddGraphQL(graphql => graphql
            .AddSchema<DsoSchema>()
            .AddGraphTypes(typeof(DsoSchema).Assembly)
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            // One DbContext per request: fields run one after the other; batch loaders keep the query count bounded.
            .AddExecutionStrategy<SerialExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
            .AddExecutionStrategy<GraphQL.Subscriptions.ChangeSubscriptionStrategy>(GraphQLParser.AST.OperationType.Subscription)
            .AddErrorInfoProvider(o => o.ExposeExceptionDetails = development)
            .AddUnhandledExceptionHandler(MapException));
        return builder;
    }

    // Expected failures become coded errors with a readable message; anything else stays masked.
    private static void MapException(UnhandledExceptionContext context)
    {
        switch (context.OriginalException)
        {
            case DsoException e:
                context.Exception = new ExecutionError(e.Message) { Code = e.Code };
                break;
            case DbUpdateConcurrencyException or DbUpdateException:
                context.Exception = new ExecutionError("The data changed while this request ran; retry it.") { Code = "CONFLICT" };
                break;
            case GraphQLParser.Exceptions.GraphQLMaxDepthExceededException:
                // The parser's own guard against nesting that would exhaust the stack: a bad document, not a failure.
                context.Exception = new DocumentTooDeepError();
                break;
            case OperationCanceledException:
                context.Exception = new ExecutionError("The request was cancelled or took too long.") { Code = "TIMEOUT" };
                break;
            default:
                break;
        }
    }
}
