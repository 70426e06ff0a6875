using Dso.Api.Auth;
using Dso.Api.GraphQL.Common;
using Dso.Api.Jobs;
using Dso.Domain.Imports;
using GraphQL;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Imports;

/// <summary>Mutations of the imports feature.</summary>
public static class ImportMutations
{
    public static void Register(ObjectGraphType mutation)
    {
        MutationFields.Add<StartImportInputGraphType, StartImportPayloadGraphType, ImportJob>(mutation, "startImport",
            "Queues the import of a CSV or XLSX file (multipart request); poll the job with node(id:).", Policies.Write,
            async (ctx, input) =>
            {
                var file = input.Value<IFormFile>("file")!;
                await using var content = file.OpenReadStream();
                var request = new ImportRequest(file.FileName, JsonScalar.Text(input.Value<object>("mapping")), input.Value<string>("mappingName"),
                    (ImportMode)input["mode"]!, input.Value<string>("source"), ctx.Principal().UserId, input.Value<DateOnly?>("asOf"));
                var outcome = await ctx.Service<StartImport>().ExecuteAsync(request, content, ctx.CancellationToken);
                if (outcome.Succeeded)
                {
                    ctx.Service<ImportSignal>().Raise();
                }

                return outcome;
            });
        MutationFields.Add<SaveImportMappingInputGraphType, SaveImportMappingPayloadGraphType, SavedImportMapping>(mutation, "saveImportMapping",
            "Saves (or replaces) a mapping under a name.", Policies.Admin,
            (ctx, input) => ctx.Service<SaveImportMapping>().ExecuteAsync(input.Value<string>("name")!, JsonScalar.Text(input.Value<object>("mapping"))!, ctx.CancellationToken));
    }
}
