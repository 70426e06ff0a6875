using Dso.Api.GraphQL.Common;
using Dso.Domain.Statuses;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Statuses;

/// <summary>A qualification of pieces, in one of five fixed categories.</summary>
public sealed class StatusGraphType : ObjectGraphType<Status>
{
    public StatusGraphType()
    {
        Name = "Status";
        this.NodeId();
        Field(s => s.Name);
        Field<NonNullGraphType<EnumerationGraphType<StatusCategory>>>("category").Resolve(ctx => ctx.Source.Category);
        Field(s => s.FollowUpDays).Description("Days after qualification at which the follow-up action falls due (default 7).");
        Field(s => s.Archived);
    }
}
