using Dso.Api.Auth;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.Imports;
using Dso.Api.Plugins;
using Dso.Connectors.Abstractions;
using Dso.Domain.Connections;
using Dso.Domain.Imports;
using GraphQL;
using GraphQL.Types;
using DomainSyncMode = Dso.Domain.Connections.SyncMode;

namespace Dso.Api.GraphQL.Connections;

/// <summary>A loaded connector plug-in, as its manifest describes it.</summary>
public sealed class ConnectorPluginGraphType : ObjectGraphType<LoadedConnector>
{
    public ConnectorPluginGraphType()
    {
        Name = "ConnectorPlugin";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(ctx => ctx.Source.Manifest.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Manifest.Name);
        Field<NonNullGraphType<StringGraphType>>("vendor").Resolve(ctx => ctx.Source.Manifest.Vendor);
        Field<NonNullGraphType<StringGraphType>>("version").Resolve(ctx => ctx.Source.Manifest.Version);
        Field<NonNullGraphType<StringGraphType>>("contractVersion").Description("The contract version the plug-in was built against.").Resolve(ctx => ctx.Source.Manifest.ContractVersion);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("capabilities").Description("FULL, INCREMENTAL, DELETIONS, CLIENTS.")
            .Resolve(ctx => Enum.GetValues<ConnectorCapabilities>().Where(c => c != ConnectorCapabilities.None && ctx.Source.Manifest.Capabilities.HasFlag(c)).Select(c => c.ToString().ToUpperInvariant()));
        Field<NonNullGraphType<JsonScalar>>("settingsSchema").Description("The settings as a JSON Schema; secret ones are writeOnly.")
            .Resolve(ctx => ctx.Source.Manifest.SettingsSchema().ToJsonString());
    }

    /// <summary>The plug-in of a connection; one not loaded on this instance is shown by its id.</summary>
    public static LoadedConnector Of(IResolveFieldContext context, string pluginId) =>
        context.Service<ConnectorCatalog>().Find(pluginId) ?? new LoadedConnector(
            new ConnectorManifest(pluginId, pluginId, "unknown", "not loaded", ConnectorCapabilities.None, []), "", () => throw new InvalidOperationException("Not loaded."));
}

/// <summary>How a sync reads.</summary>
public sealed class SyncModeGraphType : EnumerationGraphType<DomainSyncMode>
{
    public SyncModeGraphType() => Name = "SyncMode";
}

/// <summary>A configured connection to an ERP through a plug-in.</summary>
public sealed class ErpConnectionGraphType : ObjectGraphType<ErpConnection>
{
    public ErpConnectionGraphType()
    {
        Name = "ErpConnection";
        this.NodeId();
        Field(c => c.Name);
        Field<NonNullGraphType<ConnectorPluginGraphType>>("plugin").Resolve(ctx => ConnectorPluginGraphType.Of(ctx, ctx.Source.PluginId));
        Field(c => c.Schedule).Description("A cron expression in the organization's time zone.");
        Field(c => c.Enabled);
        Field<NonNullGraphType<SyncModeGraphType>>("mode").Description("How scheduled runs read (manual runs may say otherwise).").Resolve(ctx => ctx.Source.Mode);
        Field<DateTimeScalar>("nextRunAt").Description("When the schedule next queues a run; null when disabled.").Resolve(ctx => ctx.Source.NextRunAt);
        Field<NonNullGraphType<JsonScalar>>("settings").Description("Administrators only. Each secret setting reads \"***\" (null when unset).")
            .AuthorizeWithPolicy(Policies.Admin)
            .Resolve(ctx => ctx.Service<ConnectorSessions>().StoredSettings(ctx.Source).Shown(ctx.Service<ConnectorCatalog>().Find(ctx.Source.PluginId)?.Manifest).ToJsonString());
        Field<SyncRunGraphType>("lastRun").ResolveAsync(async ctx =>
            (await ctx.Service<ListSyncRuns>().ExecuteAsync(ctx.Source.Id, new Dso.Domain.Common.Paging.PageRequest(1, null, null, null), ctx.CancellationToken)).Edges is [var last, ..] ? last.Node : null);
        Field<NonNullGraphType<ConnectionGraphType<SyncRunGraphType, SyncRun>>>("runs")
            .Description("Newest first.")
            .Paged(backward: false)
            .ResolveAsync(async ctx => await ctx.Service<ListSyncRuns>().ExecuteAsync(ctx.Source.Id, ctx.PageRequest(), ctx.CancellationToken));
    }
}

/// <summary>One run of a connection.</summary>
public sealed class SyncRunGraphType : ObjectGraphType<SyncRun>
{
    public SyncRunGraphType()
    {
        Name = "SyncRun";
        this.NodeId();
        Field<NonNullGraphType<ErpConnectionGraphType>>("erpConnection").Resolve(ctx => ctx.Loaders().ErpConnections.Load(ctx.Source.ErpConnectionId));
        Field<NonNullGraphType<SyncRunStateGraphType>>("state").Resolve(ctx => ctx.Source.State);
        Field<NonNullGraphType<SyncModeGraphType>>("mode").Resolve(ctx => ctx.Source.Mode);
        Field<NonNullGraphType<StringGraphType>>("trigger").Description("SCHEDULE, MANUAL or RESUME (after a restart).").Resolve(ctx => ctx.Source.Trigger.ToString().ToUpperInvariant());
        Field<NonNullGraphType<DateTimeScalar>>("queuedAt").Resolve(ctx => ctx.Source.QueuedAt);
        Field<NonNullGraphType<DateTimeScalar>>("startedAt").Description("When it started (while it waits: when it was queued).").Resolve(ctx => ctx.Source.StartedAt ?? ctx.Source.QueuedAt);
        Field<DateTimeScalar>("finishedAt").Resolve(ctx => ctx.Source.FinishedAt);
        Field(r => r.ClientsRead);
        Field(r => r.PiecesRead);
        Field(r => r.Rejected).Description("Records refused (bad values, or reported malformed by the plug-in); the first 10 000 are in rowErrors.");
        Field(r => r.ClientsUpserted);
        Field(r => r.PiecesUpserted);
        Field(r => r.PiecesClosed);
        Field(r => r.Message, nullable: true).Description("Why the run failed, when it did.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("errors").Description("What failed the run (empty unless it failed).")
            .Resolve(ctx => ctx.Source.Message is { } message ? new[] { message } : []);
        Field<NonNullGraphType<ConnectionGraphType<ImportRowErrorGraphType, ImportRowError>>>("rowErrors")
            .Description("Rejected records: line is the record's number in the read.")
            .Paged(backward: false)
            .ResolveAsync(async ctx => (await ctx.Service<ListSyncRuns>().ErrorsAsync(ctx.Source.Id, ctx.PageRequest(), ctx.CancellationToken))
                .Map(e => new ImportRowError(e.OrganizationId, e.SyncRunId, e.Line, e.Column, e.Message)));
    }
}

/// <summary>The input of createErpConnection.</summary>
public sealed class CreateErpConnectionInputGraphType : InputObjectGraphType
{
    public CreateErpConnectionInputGraphType()
    {
        Name = "CreateErpConnectionInput";
        Field<NonNullGraphType<StringGraphType>>("pluginId");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<JsonScalar>>("settings").Description("Checked against the plug-in's settingsSchema.");
        Field<StringGraphType>("schedule").Description($"A cron expression in the organization's time zone (default \"{SyncSchedule.Default}\", every four hours).");
        Field<BooleanGraphType>("enabled").DefaultValue(true);
        Field<SyncModeGraphType>("mode").Description("Default: INCREMENTAL when the plug-in can, else FULL.");
    }
}

/// <summary>The input of updateErpConnection: what is left out stays; a secret sent as "***" stays.</summary>
public sealed class UpdateErpConnectionInputGraphType : InputObjectGraphType
{
    public UpdateErpConnectionInputGraphType()
    {
        Name = "UpdateErpConnectionInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("name");
        Field<JsonScalar>("settings").Description("The settings to change; the others stay.");
        Field<StringGraphType>("schedule");
        Field<BooleanGraphType>("enabled");
        Field<SyncModeGraphType>("mode");
    }
}

/// <summary>The payload of createErpConnection.</summary>
public sealed class CreateErpConnectionPayloadGraphType() : PayloadGraphType<ErpConnectionGraphType, ErpConnection>("CreateErpConnectionPayload", "erpConnection");

/// <summary>The payload of updateErpConnection.</summary>
public sealed class ErpConnectionPayloadGraphType() : PayloadGraphType<ErpConnectionGraphType, ErpConnection>("ErpConnectionPayload", "erpConnection");

/// <summary>The payload of runErpConnection.</summary>
public sealed class RunErpConnectionPayloadGraphType() : PayloadGraphType<SyncRunGraphType, SyncRun>("RunErpConnectionPayload", "run");
