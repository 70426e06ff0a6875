using Dso.Api.GraphQL.Common;
using Dso.Domain.Imports;
using Dso.Domain.Persistence;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.GraphQL.Imports;

/// <summary>Root fields of the imports feature.</summary>
public static class ImportQueries
{
    public static void Register(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportMappingGraphType>>>>("importMappings")
            .Description("The mappings saved by name.")
            .ResolveAsync(async ctx => await ctx.Service<ListImportMappings>().ExecuteAsync(ctx.CancellationToken));
}
