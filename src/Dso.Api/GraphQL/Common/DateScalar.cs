using GraphQL.Types;

namespace Dso.Api.GraphQL.Common;

/// <summary>The contract's <c>Date</c>: a calendar date "YYYY-MM-DD" (a business date in the organization's time zone).</summary>
public sealed class DateScalar : DateOnlyGraphType
{
    public DateScalar()
    {
        Name = "Date";
        Description = "A calendar date, \"YYYY-MM-DD\".";
    }
}
