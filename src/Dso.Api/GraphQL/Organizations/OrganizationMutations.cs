using Dso.Api.GraphQL.Common;
using Dso.Domain.Organizations;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Organizations;

/// <summary>Mutations of the organization (administrators only).</summary>
public static class OrganizationMutations
{
    public static void Register(ObjectGraphType mutation) =>
        MutationFields.Add<UpdateOrganizationSettingsInputGraphType, OrganizationPayloadGraphType, Organization>(mutation, "updateOrganizationSettings",
            "Changes the organization's policy settings; omitted ones stay as they are.", (Access.Admin, "change organization settings"),
            (ctx, input) => ctx.Service<UpdateOrganizationSettings>().ExecuteAsync(new OrganizationSettingsInput(
                input.Value<bool?>("rejectFileOnErrors"), input.Value<bool?>("qualificationNeedsComment"), input.Value<int?>("staleDays"), input.Value<int?>("minDaysBetweenContacts")),
                ctx.CancellationToken));
}

/// <summary>The input of updateOrganizationSettings.</summary>
public sealed class UpdateOrganizationSettingsInputGraphType : InputObjectGraphType
{
    public UpdateOrganizationSettingsInputGraphType()
    {
        Name = "UpdateOrganizationSettingsInput";
        Field<BooleanGraphType>("rejectFileOnErrors");
        Field<BooleanGraphType>("qualificationNeedsComment");
        Field<IntGraphType>("staleDays");
        Field<IntGraphType>("minDaysBetweenContacts");
    }
}

/// <summary>The payload of the organization mutations.</summary>
public sealed class OrganizationPayloadGraphType() : PayloadGraphType<OrganizationGraphType, Organization>("OrganizationPayload", "organization");
