using Dso.Domain.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Webhooks;

/// <summary>A webhook to create: its URL and events, with its secret sealed by the caller, and whether private addresses are allowed here.</summary>
public sealed record WebhookRequest(string Url, IReadOnlyList<WebhookEvent> Events, string SealedSecret, bool AllowPrivateAddresses);

/// <summary>Creates a webhook (at most <see cref="MaxPerOrganization"/> per organization).</summary>
public sealed class CreateWebhook(DsoDbContext db, TimeProvider clock)
{
    public const int MaxPerOrganization = 20;

    public async Task<Outcome<Webhook>> ExecuteAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        var url = request.Url.Trim();
        if (WebhookAddresses.Problem(url, request.AllowPrivateAddresses) is { } problem)
        {
            errors.Add(UserError.Invalid(problem, "url"));
        }

        if (request.Events.Count == 0)
        {
            errors.Add(UserError.Invalid("events needs at least one event.", "events"));
        }

        if (await db.Set<Webhook>().CountAsync(cancellationToken) >= MaxPerOrganization)
        {
            errors.Add(UserError.Invalid($"An organization has at most {MaxPerOrganization} webhooks; delete one first.", "url"));
        }

        if (errors.Count > 0)
        {
            return Outcomes.Failure<Webhook>(errors);
        }

        var organization = await db.CurrentOrganizationAsync(cancellationToken);
        var webhook = new Webhook(organization.Id, url, request.Events.Distinct(), request.SealedSecret, clock.GetUtcNow());
        db.Add(webhook);
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(webhook);
    }
}

/// <summary>Deletes a webhook and its deliveries.</summary>
public sealed class DeleteWebhook(DsoDbContext db)
{
    public async Task<Outcome<Webhook>> ExecuteAsync(long? id, CancellationToken cancellationToken)
    {
        if (await db.Set<Webhook>().FirstOrDefaultAsync(w => w.Id == id, cancellationToken) is not { } webhook)
        {
            return Outcomes.Failure<Webhook>(UserError.NotFound("No such webhook.", "id"));
        }

        db.Remove(webhook);
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(webhook);
    }
}

/// <summary>Turns a webhook on or off; turned on again, its failing day starts over and its pending deliveries go on.</summary>
public sealed class EnableWebhook(DsoDbContext db)
{
    public async Task<Outcome<Webhook>> ExecuteAsync(long? id, bool enabled, CancellationToken cancellationToken)
    {
        if (await db.Set<Webhook>().FirstOrDefaultAsync(w => w.Id == id, cancellationToken) is not { } webhook)
        {
            return Outcomes.Failure<Webhook>(UserError.NotFound("No such webhook.", "id"));
        }

        webhook.Enable(enabled);
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(webhook);
    }
}
