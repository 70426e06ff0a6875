using Dso.Api.Jobs;
using Dso.Domain.Webhooks;

namespace Dso.Api.Webhooks;

/// <summary>Delivers webhooks while any are due (<see cref="DeliverWebhooks"/>), else waits for deliveries to be queued.</summary>
public sealed partial class WebhookWorker(IServiceScopeFactory scopes, WebhookSignal signal, ILogger<WebhookWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        WorkLoop.RunAsync(RunNextAsync, signal, message => LogLeaseLost(logger, message), e => LogFailure(logger, e), stoppingToken);

    private async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliverWebhooks>().ExecuteAsync(cancellationToken) > 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message} This worker stopped it.")]
    private static partial void LogLeaseLost(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "The webhook worker failed; it goes on with the next deliveries.")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}

/// <summary>Wires webhooks: options, secrets, the sender and its worker, and the entities' JSON.</summary>
public static class WebhookServices
{
    public static void AddDsoWebhooks(IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<IWebhookSender, WebhookSender>();
        services.AddScoped<IWebhookOutlet, WebhookOutlet>();
        services.AddScoped<Dso.Domain.Events.IEventProcessor, QueueWebhookDeliveries>();
        services.AddHostedService<WebhookWorker>();
    }
}
