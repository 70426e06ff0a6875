using Dso.Domain.Messaging;
using Polly;
using Polly.Retry;

namespace Dso.Api.Messaging;

/// <summary>
/// The in-turn retries of a channel (Polly): a failure that cannot have delivered anything (a connection refused or
/// dropped before the message, a gateway saying it is busy) is tried twice more, 0.2 then 0.4 seconds later. What
/// still fails goes back to the outbox, which tries again at later turns with a growing delay.
/// </summary>
public static class Retries
{
    public static ResiliencePipeline Transient { get; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<MessageSendException>(e => !e.Permanent && e.Undelivered),
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();
}
