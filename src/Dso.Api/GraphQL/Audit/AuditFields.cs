using Dso.Api.Auth;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.Users;
using Dso.Domain.Audit;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.GraphQL.Audit;

/// <summary>A change a mutation saved.</summary>
public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    private static readonly HashSet<string> NodeTypes = ["Client", "Piece", "Action", "Status", "Scenario", "Template", "User", "Alert", "ImportJob", "PenaltyClaim"];

    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        this.AuthorizeWithPolicy(Policies.Admin);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode("AuditEntry", ctx.Source.Id));
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(ctx => ctx.Source.At);
        Field<UserGraphType>("user").Resolve(ctx => ctx.Source.UserId is { } id ? ctx.Loaders().Users.Load(id) : null);
        Field(e => e.Operation).Description("The mutation, e.g. qualifyPieces.");
        Field(e => e.EntityType).Description("Piece, Client, CollectionAction...");
        Field<IdGraphType>("entityId").Description("The entity's global ID, when it has one (node(id:) finds it while it exists).")
            .Resolve(ctx => long.TryParse(ctx.Source.EntityKey, out var id) && NodeTypes.Contains(GraphTypeOf(ctx.Source.EntityType)) ? GlobalId.Encode(GraphTypeOf(ctx.Source.EntityType), id) : null);
        Field(e => e.EntityKey).Description("The entity's key as stored.");
        Field<NonNullGraphType<EnumerationGraphType<AuditChange>>>("change").Resolve(ctx => ctx.Source.Change);
        Field<NonNullGraphType<JsonScalar>>("values").Description("Each property written: { before, after } (only the changed ones for a modification).")
            .Resolve(ctx => ctx.Source.Values);
    }

    /// <summary>The API's name of a stored entity type (the only one that differs: an action).</summary>
    internal static string GraphTypeOf(string entityType) => entityType == nameof(Dso.Domain.Actions.CollectionAction) ? "Action" : entityType;

    /// <summary>The stored entity type of an API type name.</summary>
    internal static string EntityTypeOf(string graphType) => graphType == "Action" ? nameof(Dso.Domain.Actions.CollectionAction) : graphType;
}

/// <summary>The audit trail's root field (administrators).</summary>
public static class AuditFields
{
    public static void RegisterQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionGraphType<AuditEntryGraphType, AuditEntry>>>("auditLog")
            .Description("Every change a mutation saved, latest first (administrators): by user, by entity (its global ID), by dates in the organization's time zone.")
            .Argument<IdGraphType>("userId")
            .Argument<IdGraphType>("entityId")
            .Argument<DateScalar>("from")
            .Argument<DateScalar>("to")
            .Paged(backward: false)
            .AuthorizeWithPolicy(Policies.Admin)
            .ResolveAsync(async ctx =>
            {
                var entity = GlobalId.Decode(ctx.GetArgument<string?>("entityId"));
                var filter = new AuditFilter(
                    ctx.GetArgument<string?>("userId") is { } user ? GlobalId.DecodeAs("User", user) ?? -1 : null,
                    entity is { } e ? AuditEntryGraphType.EntityTypeOf(e.Type) : null,
                    entity?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ctx.GetArgument<DateOnly?>("from"),
                    ctx.GetArgument<DateOnly?>("to"));
                return await ctx.Service<ListAuditLog>().ExecuteAsync(filter, ctx.PageRequest(), ctx.CancellationToken);
            });

}
