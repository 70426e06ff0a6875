using System.Text.Json;
using Dso.Api.Auth;
using Dso.Api.GraphQL.Common;
using Dso.Api.Jobs;
using Dso.Api.Plugins;
using Dso.Connectors.Abstractions;
using Dso.Domain.Common;
using Dso.Domain.Connections;
using Dso.Domain.Persistence;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using DomainSyncMode = Dso.Domain.Connections.SyncMode;

namespace Dso.Api.GraphQL.Connections;

/// <summary>
/// Root fields of connectors: the loaded plug-ins and the connections (read by everyone, their settings by
/// administrators), and the administrators' mutations. Creating or changing settings runs the plug-in's check: a
/// failed check is a user error on <c>settings</c> and changes nothing.
/// </summary>
public static class ConnectionFields
{
    public static void RegisterQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConnectorPluginGraphType>>>>("connectorPlugins")
            .Description("The connector plug-ins loaded from plugins/ at start.")
            .Resolve(ctx => ctx.Service<ConnectorCatalog>().All.OrderBy(p => p.Manifest.Id, StringComparer.Ordinal));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ErpConnectionGraphType>>>>("erpConnections")
            .ResolveAsync(async ctx => await ctx.Service<DsoDbContext>().ErpConnections.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ctx.CancellationToken));
    }

    public static void RegisterMutations(ObjectGraphType mutation)
    {
        MutationFields.Add<CreateErpConnectionInputGraphType, CreateErpConnectionPayloadGraphType, ErpConnection>(mutation, "createErpConnection",
            "Configures a connection of a loaded plug-in; its settings are checked against the plug-in's schema, then the plug-in's check runs.", Policies.Admin, CreateAsync);
        MutationFields.Add<UpdateErpConnectionInputGraphType, ErpConnectionPayloadGraphType, ErpConnection>(mutation, "updateErpConnection",
            "Changes a connection; new settings are checked again.", Policies.Admin,
            (ctx, input) => MutationFields.WithId("ErpConnection", input, id => UpdateAsync(ctx, id, input)));
        ById<DeleteErpConnectionPayloadGraphType, long>(mutation, "deleteErpConnection", "Removes a connection and its runs; the pieces it wrote stay.",
            (ctx, id) => ctx.Service<DeleteErpConnection>().ExecuteAsync(id, ctx.CancellationToken));
        ById<TestErpConnectionPayloadGraphType, CheckResult>(mutation, "testErpConnection", "Runs the plug-in's check with the connection's settings.", TestAsync);
        ById<RunErpConnectionPayloadGraphType, SyncRun>(mutation, "runErpConnection",
            "Queues a run now, in the connection's mode unless mode says otherwise; a CONFLICT while one is queued or running.",
            async (ctx, id) =>
            {
                var outcome = await ctx.Service<QueueSync>().ExecuteAsync(id, SyncTrigger.Manual, ctx.GetArgument<DomainSyncMode?>("mode"), ctx.CancellationToken);
                if (outcome.Succeeded)
                {
                    ctx.Service<SyncSignal>().Raise();
                }

                return outcome;
            },
            field => field.Argument<SyncModeGraphType>("mode"));
    }

    private static void ById<TPayload, T>(ObjectGraphType mutation, string name, string description, Func<IResolveFieldContext, long, Task<Outcome<T>>> run,
        Action<FieldBuilder<object?, object>>? arguments = null)
        where TPayload : IObjectGraphType =>
        MutationFields.AddById<TPayload, T>(mutation, "ErpConnection", name, description, Policies.Admin, run, arguments);

    private static async Task<Outcome<ErpConnection>> CreateAsync(IResolveFieldContext ctx, IDictionary<string, object?> input)
    {
        var pluginId = input.Value<string>("pluginId")!;
        var catalog = ctx.Service<ConnectorCatalog>();
        if (catalog.Find(pluginId) is not { } plugin)
        {
            var loaded = catalog.All.Select(p => p.Manifest.Id).ToList();
            return Outcomes.Failure<ErpConnection>(UserError.NotFound(
                $"No plug-in '{pluginId}' is loaded; {(loaded.Count == 0 ? "none is" : "loaded: " + string.Join(", ", loaded))}.", "pluginId"));
        }

        var incremental = plugin.Manifest.Capabilities.HasFlag(ConnectorCapabilities.Incremental);
        var (values, errors) = Values(plugin, input, null, input.Value<string>("name") ?? "", input.Value<string>("schedule") ?? SyncSchedule.Default,
            input.Value<DomainSyncMode?>("mode") ?? (incremental ? DomainSyncMode.Incremental : DomainSyncMode.Full), input.Value<bool?>("enabled") ?? true, ctx);
        if (values is null)
        {
            return Outcomes.Failure<ErpConnection>(errors);
        }

        var outcome = await ctx.Service<SaveErpConnection>().ExecuteAsync(null, pluginId, values.Value.Values, ctx.CancellationToken);
        if (outcome.Value is { } connection && await CheckAsync(ctx, plugin, connection.Id, values.Value.Settings) is { } failed)
        {
            await ctx.Service<DeleteErpConnection>().ExecuteAsync(connection.Id, ctx.CancellationToken);
            return Outcomes.Failure<ErpConnection>(failed);
        }

        return outcome;
    }

    private static async Task<Outcome<ErpConnection>> UpdateAsync(IResolveFieldContext ctx, long id, IDictionary<string, object?> input)
    {
        var db = ctx.Service<DsoDbContext>();
        if (await db.ErpConnections.SingleOrDefaultAsync(c => c.Id == id, ctx.CancellationToken) is not { } connection)
        {
            return Outcomes.Failure<ErpConnection>(UserError.NotFound("No such erpconnection.", "id"));
        }

        if (ctx.Service<ConnectorCatalog>().Find(connection.PluginId) is not { } plugin)
        {
            return Outcomes.Failure<ErpConnection>(UserError.Invalid($"The plug-in '{connection.PluginId}' is not loaded: its settings cannot be checked.", "id"));
        }

        var stored = ctx.Service<ConnectorSessions>().StoredSettings(connection);
        var (values, errors) = Values(plugin, input, stored, input.Value<string>("name") ?? connection.Name, input.Value<string>("schedule") ?? connection.Schedule,
            input.Value<DomainSyncMode?>("mode") ?? connection.Mode, input.Value<bool?>("enabled") ?? connection.Enabled, ctx);
        if (values is null)
        {
            return Outcomes.Failure<ErpConnection>(errors);
        }

        if (input.ContainsKey("settings") && await CheckAsync(ctx, plugin, connection.Id, values.Value.Settings) is { } failed)
        {
            return Outcomes.Failure<ErpConnection>(failed);
        }

        return await ctx.Service<SaveErpConnection>().ExecuteAsync(connection, connection.PluginId, values.Value.Values, ctx.CancellationToken);
    }

    private static ((ErpConnectionValues Values, ConnectionSettings Settings)? Values, List<UserError> Errors) Values(LoadedConnector plugin, IDictionary<string, object?> input,
        ConnectionSettings? stored, string name, string schedule, DomainSyncMode mode, bool enabled, IResolveFieldContext ctx)
    {
        JsonElement? given = null;
        if (JsonScalar.Text(input.Value<object>("settings")) is { } text)
        {
            try
            {
                given = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                return (null, [UserError.Invalid("The settings are not JSON.", "settings")]);
            }
        }

        var (settings, errors) = ConnectionSettings.Check(plugin.Manifest, given, stored);
        if (mode == DomainSyncMode.Incremental && !plugin.Manifest.Capabilities.HasFlag(ConnectorCapabilities.Incremental))
        {
            errors.Add(UserError.Invalid($"{plugin.Manifest.Id} cannot read incrementally: use FULL.", "mode"));
        }

        if (settings is null || errors.Count > 0)
        {
            return (null, errors);
        }

        var seal = ctx.Service<SecretSeal>();
        return ((new ErpConnectionValues(name, settings.Plain.ToJsonString(), seal.Seal(settings.Secrets), schedule, mode, enabled), settings), errors);
    }

    private static async Task<UserError?> CheckAsync(IResolveFieldContext ctx, LoadedConnector plugin, long connectionId, ConnectionSettings settings)
    {
        var sessions = ctx.Service<ConnectorSessions>();
        var result = await sessions.CheckAsync(plugin, sessions.Context(plugin, connectionId, settings), ctx.CancellationToken);
        return result.Ok ? null : UserError.Invalid($"The check of {plugin.Manifest.Id} failed: {result.Message}", "settings");
    }

    private static async Task<Outcome<CheckResult>> TestAsync(IResolveFieldContext ctx, long id)
    {
        var connection = await ctx.Service<DsoDbContext>().ErpConnections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ctx.CancellationToken);
        if (connection is null)
        {
            return Outcomes.Failure<CheckResult>(UserError.NotFound("No such erpconnection.", "id"));
        }

        if (ctx.Service<ConnectorCatalog>().Find(connection.PluginId) is not { } plugin)
        {
            return Outcomes.Success(new CheckResult(false, $"The plug-in '{connection.PluginId}' is not loaded on this instance."));
        }

        var sessions = ctx.Service<ConnectorSessions>();
        return Outcomes.Success(await sessions.CheckAsync(plugin, sessions.Context(plugin, id, sessions.StoredSettings(connection)), ctx.CancellationToken));
    }
}

/// <summary>The payload of testErpConnection.</summary>
public sealed class TestErpConnectionPayloadGraphType : ObjectGraphType<Payload<CheckResult>>
{
    public TestErpConnectionPayloadGraphType()
    {
        Name = "TestErpConnectionPayload";
        Field<NonNullGraphType<BooleanGraphType>>("ok").Resolve(ctx => ctx.Source.Result?.Ok ?? false);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(ctx => ctx.Source.Result?.Message ?? (ctx.Source.UserErrors is [var first, ..] ? first.Message : ""));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("userErrors").Resolve(ctx => ctx.Source.UserErrors);
    }
}

/// <summary>The payload of deleteErpConnection.</summary>
public sealed class DeleteErpConnectionPayloadGraphType : ObjectGraphType<Payload<long>>
{
    public DeleteErpConnectionPayloadGraphType()
    {
        Name = "DeleteErpConnectionPayload";
        Field<IdGraphType>("deletedId").Resolve(ctx => ctx.Source.UserErrors.Count == 0 ? GlobalId.Encode("ErpConnection", ctx.Source.Result) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("userErrors").Resolve(ctx => ctx.Source.UserErrors);
    }
}
