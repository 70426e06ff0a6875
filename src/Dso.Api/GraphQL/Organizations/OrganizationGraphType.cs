using Dso.Api.GraphQL.Common;
using Dso.Domain.Organizations;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Organizations;

/// <summary>The caller's organization.</summary>
public sealed class OrganizationGraphType : ObjectGraphType<Organization>
{
    public OrganizationGraphType()
    {
        Name = "Organization";
        this.NodeId();
        Field(o => o.Name);
        Field(o => o.MainCurrency).Description("ISO 4217 code every report is converted to.");
        Field(o => o.TimeZone).Description("IANA time zone that decides what \"today\" is.");
        Field<NonNullGraphType<OrganizationSettingsGraphType>>("settings").Resolve(ctx => ctx.Source.Settings);
    }
}
