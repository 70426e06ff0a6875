using Dso.Api.Auth;
using Dso.Api.Exports;
using Dso.Api.GraphQL.Common;
using Dso.Domain.Common;
using Dso.Domain.Reports;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Reports;

/// <summary>A report download link.</summary>
public sealed record ExportLink(string Url, DateTimeOffset ExpiresAt);

/// <summary>exportReport: any signed-in user may export what they may read.</summary>
public static class ExportReportMutation
{
    public static void Register(ObjectGraphType mutation) =>
        MutationFields.Add<ExportReportInputGraphType, ExportReportPayloadGraphType, ExportLink>(mutation, "exportReport",
            "Checks a report's arguments and returns a short-lived link to download it as an Excel workbook.", Policies.Read,
            async (ctx, input) =>
            {
                var request = new ReportRequest(
                    (ReportKind)input["report"]!, input.Value<DateOnly?>("asOf"), input.Value<DateOnly?>("from"), input.Value<DateOnly?>("to"),
                    input.Items<int>("bucketBounds") is { Count: > 0 } bounds ? bounds.Select(b => b).ToList() : null,
                    input.Value<DsoMethod?>("method") ?? DsoMethod.Countback, input.Value<int?>("months") ?? 12, input.Value<int?>("weeks") ?? 12,
                    input.Value<Granularity?>("granularity") ?? Granularity.Month);
                var checkedReport = await ctx.Service<ExportReport>().ExecuteAsync(request, Stream.Null, ctx.CancellationToken);
                if (!checkedReport.Succeeded)
                {
                    return Outcomes.Failure<ExportLink>(checkedReport.Errors);
                }

                var principal = ctx.Principal();
                var (path, expiresAt) = ctx.Service<ExportLinks>().Create(principal.OrganizationId, principal.UserId, request);
                var http = ctx.Service<IHttpContextAccessor>().HttpContext!.Request;
                return Outcomes.Success(new ExportLink($"{http.Scheme}://{http.Host}{http.PathBase}{path}", expiresAt));
            });
}

/// <summary>The input of exportReport: the report and the arguments of its field.</summary>
public sealed class ExportReportInputGraphType : InputObjectGraphType
{
    public ExportReportInputGraphType()
    {
        Name = "ExportReportInput";
        Field<NonNullGraphType<EnumerationGraphType<ReportKind>>>("report");
        Field<DateScalar>("asOf");
        Field<DateScalar>("from");
        Field<DateScalar>("to");
        Field<ListGraphType<NonNullGraphType<IntGraphType>>>("bucketBounds");
        Field<EnumerationGraphType<DsoMethod>>("method");
        Field<IntGraphType>("months");
        Field<IntGraphType>("weeks");
        Field<EnumerationGraphType<Granularity>>("granularity");
    }
}

/// <summary>The download link.</summary>
public sealed class ExportLinkGraphType : ObjectGraphType<ExportLink>
{
    public ExportLinkGraphType()
    {
        Name = "ExportLink";
        Field(l => l.Url).Description("GET it (no credentials needed) before it expires.");
        Field<NonNullGraphType<DateTimeScalar>>("expiresAt").Resolve(ctx => ctx.Source.ExpiresAt);
    }
}

/// <summary>The payload of exportReport.</summary>
public sealed class ExportReportPayloadGraphType() : PayloadGraphType<ExportLinkGraphType, ExportLink>("ExportReportPayload", "export");
