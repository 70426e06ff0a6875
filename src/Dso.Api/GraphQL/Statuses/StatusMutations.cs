using Dso.Api.Auth;
using Dso.Api.GraphQL.Common;
using Dso.Domain.Statuses;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Statuses;

/// <summary>Mutations of the statuses feature (administrators only).</summary>
public static class StatusMutations
{
    public static void Register(ObjectGraphType mutation)
    {
        MutationFields.Add<CreateStatusInputGraphType, StatusPayloadGraphType, Status>(mutation, "createStatus", "Adds a status to a category.", Policies.Admin,
            (ctx, input) => ctx.Service<CreateStatus>().ExecuteAsync(
                input.Value<string>("name")!, (StatusCategory)input["category"]!, input.Value<int?>("followUpDays") ?? Status.DefaultFollowUpDays, ctx.CancellationToken));
        MutationFields.Add<UpdateStatusInputGraphType, StatusPayloadGraphType, Status>(mutation, "updateStatus", "Renames a status or changes its follow-up delay.", Policies.Admin,
            (ctx, input) => MutationFields.WithId("Status", input, id => ctx.Service<UpdateStatus>().ExecuteAsync(
                id, input.Value<string>("name"), input.Value<int?>("followUpDays"), ctx.CancellationToken)));
        MutationFields.Add<ArchiveStatusInputGraphType, StatusPayloadGraphType, Status>(mutation, "archiveStatus", "Hides a status from new qualifications.", Policies.Admin,
            (ctx, input) => MutationFields.WithId("Status", input, id => ctx.Service<ArchiveStatus>().ExecuteAsync(id, ctx.CancellationToken)));
    }
}
