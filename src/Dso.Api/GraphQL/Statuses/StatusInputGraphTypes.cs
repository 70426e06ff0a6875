using Dso.Api.GraphQL.Common;
using Dso.Domain.Statuses;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Statuses;

/// <summary>The input of createStatus.</summary>
public sealed class CreateStatusInputGraphType : InputObjectGraphType
{
    public CreateStatusInputGraphType()
    {
        Name = "CreateStatusInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<EnumerationGraphType<StatusCategory>>>("category");
        Field<IntGraphType>("followUpDays").DefaultValue(Status.DefaultFollowUpDays);
    }
}

/// <summary>The input of updateStatus: null members stay as they are.</summary>
public sealed class UpdateStatusInputGraphType : InputObjectGraphType
{
    public UpdateStatusInputGraphType()
    {
        Name = "UpdateStatusInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("name");
        Field<IntGraphType>("followUpDays");
    }
}

/// <summary>The input of archiveStatus.</summary>
public sealed class ArchiveStatusInputGraphType() : IdInputGraphType("ArchiveStatusInput");

/// <summary>The payload of the status mutations.</summary>
public sealed class StatusPayloadGraphType() : PayloadGraphType<StatusGraphType, Status>("StatusPayload", "status");
