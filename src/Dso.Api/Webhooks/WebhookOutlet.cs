using System.Globalization;
using System.Text;
using System.Text.Json;
using Dso.Api.GraphQL.Common;
using Dso.Domain.Persistence;
using Dso.Domain.Webhooks;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.Webhooks;

/// <summary>
/// The <c>data</c> of each webhook event: the entity with the fields its subscription returns by default, under
/// the API's names (global IDs, enum values in CONSTANT_CASE, money as amount and currency), read in the event's
/// organization.
/// </summary>
public sealed class WebhookOutlet(DsoDbContext db, WebhookSignal signal) : IWebhookOutlet
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Queued() => signal.RaiseAfterCommit();

    public async Task<IReadOnlyDictionary<long, string>> DataAsync(WebhookEvent webhookEvent, IReadOnlyList<long> ids, CancellationToken cancellationToken) => webhookEvent switch
    {
        WebhookEvent.AlertRaised => Write(await db.Alerts.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Kind, a.Message, a.RaisedAt, Client = db.Clients.Where(c => c.Id == a.ClientId).Select(c => new { c.Id, c.Code, c.Name }).FirstOrDefault() })
            .ToListAsync(cancellationToken), a => a.Id, (json, a) =>
            {
                Id(json, "Alert", a.Id);
                json.WriteString("kind", Constant(a.Kind));
                json.WriteString("message", a.Message);
                Instant(json, "raisedAt", a.RaisedAt);
                ClientOf(json, a.Client?.Id, a.Client?.Code, a.Client?.Name);
            }),
        WebhookEvent.PieceUpdated => Write(await db.Pieces.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Join(db.Clients, p => p.ClientId, c => c.Id, (p, c) => new { Piece = p, c.Code, c.Name }).ToListAsync(cancellationToken), r => r.Piece.Id, (json, r) =>
            {
                var p = r.Piece;
                Id(json, "Piece", p.Id);
                json.WriteString("number", p.Number);
                json.WriteString("type", Constant(p.Type));
                ClientOf(json, p.ClientId, r.Code, r.Name);
                json.WriteString("issueDate", p.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("dueDate", p.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Money(json, "amount", p.Amount, p.Currency);
                Money(json, "openAmount", p.OpenAmount, p.Currency);
                if (p.StatusId is { } status)
                {
                    Id(json, "Status", status, "statusId");
                }
            }),
        WebhookEvent.SyncRunFinished => Write(await db.SyncRuns.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken), r => r.Id, (json, r) =>
            {
                Id(json, "SyncRun", r.Id);
                Id(json, "ErpConnection", r.ErpConnectionId, "erpConnectionId");
                json.WriteString("state", Constant(r.State));
                json.WriteString("trigger", Constant(r.Trigger));
                json.WriteString("mode", Constant(r.Mode));
                json.WriteNumber("clientsUpserted", r.ClientsUpserted);
                json.WriteNumber("piecesUpserted", r.PiecesUpserted);
                json.WriteNumber("piecesClosed", r.PiecesClosed);
                json.WriteNumber("rejected", r.Rejected);
                json.WriteString("message", r.Message);
                Instant(json, "finishedAt", r.FinishedAt!.Value);
            }),
        WebhookEvent.ImportJobFinished => Write(await db.Set<Dso.Domain.Imports.ImportJob>().AsNoTracking().Where(j => ids.Contains(j.Id)).ToListAsync(cancellationToken), j => j.Id, (json, j) =>
            {
                Id(json, "ImportJob", j.Id);
                json.WriteString("fileName", j.FileName);
                json.WriteString("state", Constant(j.State));
                json.WriteNumber("rowsRead", j.RowsRead);
                json.WriteNumber("rowsImported", j.RowsImported);
                json.WriteNumber("errorCount", j.ErrorCount);
                json.WriteString("message", j.Message);
                Instant(json, "finishedAt", j.FinishedAt!.Value);
            }),
        WebhookEvent.MessageFailed => Write(await db.Messages.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Join(db.Clients, m => m.ClientId, c => c.Id, (m, c) => new { m.Id, m.Channel, m.ActionId, m.ClientId, c.Code, c.Name, m.Error, m.Attempts }).ToListAsync(cancellationToken), m => m.Id, (json, m) =>
            {
                Id(json, "Message", m.Id);
                json.WriteString("channel", Constant(m.Channel));
                json.WriteString("state", "FAILED");
                Id(json, "Action", m.ActionId, "actionId");
                ClientOf(json, m.ClientId, m.Code, m.Name);
                json.WriteNumber("attempts", m.Attempts);
                json.WriteString("error", m.Error);
            }),
        _ => throw new ArgumentOutOfRangeException(nameof(webhookEvent)),
    };

    private static Dictionary<long, string> Write<T>(List<T> rows, Func<T, long> key, Action<Utf8JsonWriter, T> write)
    {
        var data = new Dictionary<long, string>(rows.Count);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        foreach (var row in rows)
        {
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer, Options))
            {
                json.WriteStartObject();
                write(json, row);
                json.WriteEndObject();
            }

            data[key(row)] = Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        return data;
    }

    private static void Id(Utf8JsonWriter json, string type, long id, string name = "id") => json.WriteString(name, GlobalId.Encode(type, id));

    private static string Constant<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToConstantCase();

    private static void Instant(Utf8JsonWriter json, string name, DateTimeOffset at) =>
        json.WriteString(name, at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    private static void Money(Utf8JsonWriter json, string name, decimal amount, string currency)
    {
        json.WriteStartObject(name);
        json.WriteString("amount", DecimalScalar.Fixed(amount, 2));
        json.WriteString("currency", currency);
        json.WriteEndObject();
    }

    private static void ClientOf(Utf8JsonWriter json, long? id, string? code, string? name)
    {
        if (id is null)
        {
            json.WriteNull("client");
            return;
        }

        json.WriteStartObject("client");
        Id(json, "Client", id.Value);
        json.WriteString("code", code);
        json.WriteString("name", name);
        json.WriteEndObject();
    }
}
