using Dso.Api.Auth;
using Dso.Api.GraphQL.Common;
using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Dso.Domain.Users;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.GraphQL.Users;

/// <summary>User management and API keys: administrators only.</summary>
public static class UserFields
{
    public static void RegisterQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApiKeyGraphType>>>>("apiKeys")
            .Description("API keys by creation date, revoked ones included: an administrator sees every user's (or one user's), anyone else their own.")
            .Argument<IdGraphType>("userId")
            .ResolveAsync(async ctx =>
            {
                var principal = ctx.Principal();
                var userId = principal.IsAdmin
                    ? ctx.GetArgument<string?>("userId") is { } given ? GlobalId.DecodeAs("User", given) ?? -1 : (long?)null
                    : principal.UserId;
                return await ctx.Service<ListApiKeys>().ExecuteAsync(userId, ctx.CancellationToken);
            });

    public static void RegisterMutations(ObjectGraphType mutation)
    {
        MutationFields.Add<CreateUserInputGraphType, UserPayloadGraphType, User>(mutation, "createUser",
            "Adds a user with their roles; give them a key with createApiKey.", Policies.Admin,
            (ctx, input) => ctx.Service<CreateUser>().ExecuteAsync(Values(input), ctx.CancellationToken));
        MutationFields.Add<UpdateUserInputGraphType, UserPayloadGraphType, User>(mutation, "updateUser",
            "Changes a user's name, email address or roles (the last administrator keeps ADMIN).", Policies.Admin,
            (ctx, input) => MutationFields.WithId("User", input, id => ctx.Service<UpdateUser>().ExecuteAsync(id, Values(input), ctx.CancellationToken)));
        MutationFields.Add<ArchiveUserInputGraphType, UserPayloadGraphType, User>(mutation, "archiveUser",
            "Removes a user: their keys are revoked and their clients leave their portfolio.", Policies.Admin,
            (ctx, input) => MutationFields.WithId("User", input, id => ctx.Service<ArchiveUser>().ExecuteAsync(id, ctx.CancellationToken)));
        MutationFields.Add<CreateApiKeyInputGraphType, CreateApiKeyPayloadGraphType, IssuedApiKey>(mutation, "createApiKey",
            "Issues an API key for a user; its secret is in this answer only.", Policies.Admin,
            (ctx, input) => MutationFields.WithId("User", input, id => ctx.Service<IssueApiKey>().ExecuteAsync(id, ctx.CancellationToken), "userId"));
        MutationFields.Add<RevokeApiKeyInputGraphType, ApiKeyPayloadGraphType, ApiKey>(mutation, "revokeApiKey",
            "Revokes an API key: the next request made with it is refused.", Policies.Admin,
            (ctx, input) => MutationFields.WithId("ApiKey", input, id => ctx.Service<RevokeApiKey>().ExecuteAsync(id, ctx.CancellationToken)));
    }

    private static UserInput Values(IDictionary<string, object?> input) => new(
        input.Value<string>("name"),
        input.Value<string>("email"),
        input.TryGetValue("roles", out var roles) && roles is IEnumerable<object?> list ? list.OfType<Role>().Aggregate(Role.None, (all, role) => all | role) : null,
        input.Value<string>("subject"));
}

/// <summary>An API key, recognised by its prefix; its secret is never shown again.</summary>
public sealed class ApiKeyGraphType : ObjectGraphType<ApiKey>
{
    public ApiKeyGraphType()
    {
        Name = "ApiKey";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode("ApiKey", ctx.Source.Id));
        Field(k => k.Prefix).Description("The key's first characters.");
        Field<NonNullGraphType<UserGraphType>>("user").Resolve(ctx => ctx.Loaders().Users.Load(ctx.Source.UserId));
        Field<NonNullGraphType<DateTimeScalar>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
        Field<DateTimeScalar>("revokedAt").Resolve(ctx => ctx.Source.RevokedAt);
    }
}

/// <summary>The input of createUser.</summary>
public sealed class CreateUserInputGraphType : InputObjectGraphType
{
    public CreateUserInputGraphType()
    {
        Name = "CreateUserInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<StringGraphType>>("email");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleGraphType>>>>("roles");
        Field<StringGraphType>("subject").Description("The user's subject at the identity provider, when tokens are matched by subject.");
    }
}

/// <summary>The input of updateUser: null members stay as they are.</summary>
public sealed class UpdateUserInputGraphType : InputObjectGraphType
{
    public UpdateUserInputGraphType()
    {
        Name = "UpdateUserInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("name");
        Field<StringGraphType>("email");
        Field<ListGraphType<NonNullGraphType<RoleGraphType>>>("roles");
        Field<StringGraphType>("subject").Description("An empty string removes it.");
    }
}

/// <summary>The input of archiveUser.</summary>
public sealed class ArchiveUserInputGraphType() : IdInputGraphType("ArchiveUserInput");

/// <summary>The input of revokeApiKey.</summary>
public sealed class RevokeApiKeyInputGraphType() : IdInputGraphType("RevokeApiKeyInput");

/// <summary>The input of createApiKey.</summary>
public sealed class CreateApiKeyInputGraphType : InputObjectGraphType
{
    public CreateApiKeyInputGraphType()
    {
        Name = "CreateApiKeyInput";
        Field<NonNullGraphType<IdGraphType>>("userId");
    }
}

/// <summary>The payload of the user mutations.</summary>
public sealed class UserPayloadGraphType() : PayloadGraphType<UserGraphType, User>("UserPayload", "user");

/// <summary>The payload of revokeApiKey.</summary>
public sealed class ApiKeyPayloadGraphType() : PayloadGraphType<ApiKeyGraphType, ApiKey>("ApiKeyPayload", "apiKey");

/// <summary>The key issued and its secret (shown once).</summary>
public sealed class CreateApiKeyPayloadGraphType : ObjectGraphType<Payload<IssuedApiKey>>
{
    public CreateApiKeyPayloadGraphType()
    {
        Name = "CreateApiKeyPayload";
        Field<ApiKeyGraphType>("apiKey").Resolve(ctx => ctx.Source.Result?.Key);
        Field<StringGraphType>("secret").Description("The key to send as Authorization: Bearer; it cannot be read again.").Resolve(ctx => ctx.Source.Result?.Secret);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("userErrors").Resolve(ctx => ctx.Source.UserErrors);
    }
}
