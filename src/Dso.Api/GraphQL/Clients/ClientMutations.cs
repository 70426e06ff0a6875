using Dso.Api.Auth;
using Dso.Api.GraphQL.Common;
using Dso.Domain.Clients;
using Dso.Domain.Common;
using GraphQL;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Clients;

/// <summary>Mutations of the clients feature.</summary>
public static class ClientMutations
{
    public static void Register(ObjectGraphType mutation)
    {
        MutationFields.Add<UpsertClientsInputGraphType, UpsertClientsPayloadGraphType, IReadOnlyList<Client>>(mutation, "upsertClients",
            $"Creates or updates clients by code (at most {UpsertClients.MaxBatch} per call); the same data twice changes nothing.",
            Policies.Write,
            (ctx, input) => ctx.Service<UpsertClients>().ExecuteAsync(input.Items("clients").Select(ClientInputGraphType.From).ToList(), ctx.CancellationToken));
        MutationFields.Add<AssignClientsInputGraphType, AssignClientsPayloadGraphType, IReadOnlyList<Client>>(mutation, "assignClients",
            "Adds clients to a user's portfolio; a client has one collector, so giving it to a collector takes it from the previous one.",
            Policies.Admin, (ctx, input) => Assign(ctx, input, unassign: false));
        MutationFields.Add<AssignClientsInputGraphType, AssignClientsPayloadGraphType, IReadOnlyList<Client>>(mutation, "unassignClients",
            "Takes clients out of a user's portfolio.", Policies.Admin, (ctx, input) => Assign(ctx, input, unassign: true));
    }

    private static Task<Outcome<IReadOnlyList<Client>>> Assign(IResolveFieldContext ctx, IDictionary<string, object?> input, bool unassign) =>
        ctx.Service<AssignClients>().ExecuteAsync(
            GlobalId.DecodeAs("User", input.Value<string>("userId")),
            input.Items<string>("clientIds").Select(id => GlobalId.DecodeAs("Client", id)).ToList(),
            unassign,
            ctx.CancellationToken);
}
