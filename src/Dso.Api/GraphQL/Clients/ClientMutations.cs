using Dso.Api.GraphQL.Common;
using Dso.Domain.Clients;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Clients;

/// <summary>Mutations of the clients feature.</summary>
public static class ClientMutations
{
    public static void Register(ObjectGraphType mutation) =>
        MutationFields.Add<UpsertClientsInputGraphType, UpsertClientsPayloadGraphType, IReadOnlyList<Client>>(mutation, "upsertClients",
            $"Creates or updates clients by code (at most {UpsertClients.MaxBatch} per call); the same data twice changes nothing.",
            (Access.Writer, "change clients"),
            (ctx, input) => ctx.Service<UpsertClients>().ExecuteAsync(input.Items("clients").Select(ClientInputGraphType.From).ToList(), ctx.CancellationToken));
}
