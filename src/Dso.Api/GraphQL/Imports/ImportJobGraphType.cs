using Dso.Api.GraphQL.Common;
using Dso.Domain.Imports;
using GraphQL;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Imports;

/// <summary>A file import: its state, progress, counts and row errors.</summary>
public sealed class ImportJobGraphType : ObjectGraphType<ImportJob>
{
    public ImportJobGraphType()
    {
        Name = "ImportJob";
        this.NodeId();
        Field<NonNullGraphType<SyncRunStateGraphType>>("state").Resolve(ctx => ctx.Source.State);
        Field(j => j.FileName);
        Field<NonNullGraphType<EnumerationGraphType<ImportMode>>>("mode").Resolve(ctx => ctx.Source.Mode);
        Field<DateScalar>("asOf").Description("The day the file reflects (set when it starts, if not given).").Resolve(ctx => ctx.Source.AsOf);
        Field(j => j.Source).Description("Pieces are written as this source; FULL settles its open pieces the file no longer lists.");
        Field(j => j.RowsRead);
        Field(j => j.RowsImported);
        Field(j => j.ErrorCount).Description("Rows (or cells) refused; the first 10 000 are in rowErrors.");
        Field(j => j.ClientsUpserted);
        Field(j => j.PiecesUpserted);
        Field(j => j.PiecesClosed);
        Field(j => j.Message, nullable: true).Description("Why the job failed, when it did.");
        Field<NonNullGraphType<DateTimeScalar>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
        Field<DateTimeScalar>("finishedAt").Resolve(ctx => ctx.Source.FinishedAt);
        Field<NonNullGraphType<ConnectionGraphType<ImportRowErrorGraphType, ImportRowError>>>("rowErrors")
            .Paged(backward: false)
            .ResolveAsync(async ctx => await ctx.Service<ListImportRowErrors>().ExecuteAsync(ctx.Source.Id, ctx.PageRequest(), ctx.CancellationToken));
    }
}

/// <summary>The states of a run (imports and, later, connector syncs).</summary>
public sealed class SyncRunStateGraphType : EnumerationGraphType<ImportJobState>
{
    public SyncRunStateGraphType() => Name = "SyncRunState";
}

/// <summary>A refused row or cell.</summary>
public sealed class ImportRowErrorGraphType : ObjectGraphType<ImportRowError>
{
    public ImportRowErrorGraphType()
    {
        Name = "ImportRowError";
        Field(e => e.Line).Description("The line in the file; the header is line 1.");
        Field(e => e.Column, nullable: true).Description("The column header, when one cell is at fault.");
        Field(e => e.Message);
    }
}

/// <summary>A mapping saved by name.</summary>
public sealed class ImportMappingGraphType : ObjectGraphType<SavedImportMapping>
{
    public ImportMappingGraphType()
    {
        Name = "ImportMapping";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode("ImportMapping", ctx.Source.Id));
        Field(m => m.Name);
        Field<NonNullGraphType<JsonScalar>>("mapping").Resolve(ctx => ctx.Source.Json);
    }
}
