using Dso.Domain.Common;
using Dso.Domain.Reports;

namespace Dso.Api.Exports;

/// <summary>GET /exports/{token}: the report of a valid link as an .xlsx download (404 for a forged link, 410 once expired).</summary>
public static class ExportEndpoint
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapExports(this WebApplication app) =>
        app.MapGet(ExportLinks.PathPrefix + "{token}", async (HttpContext context, string token, ExportLinks links, CancellationToken cancellationToken) =>
        {
            var (grant, expired) = links.Read(token);
            if (grant is null)
            {
                return expired ? Results.Problem("This download link has expired; export the report again.", statusCode: StatusCodes.Status410Gone)
                    : Results.NotFound();
            }

            context.RequestServices.GetRequiredService<Tenant>().Enter(grant.OrganizationId);
            var buffer = new MemoryStream();
            var written = await context.RequestServices.GetRequiredService<ExportReport>().ExecuteAsync(grant.Request, buffer, cancellationToken);
            if (!written.Succeeded)
            {
                return Results.Problem(written.Errors[0].Message, statusCode: StatusCodes.Status422UnprocessableEntity);
            }

            context.Response.Headers.CacheControl = "no-store";
            buffer.Position = 0;
            return Results.File(buffer, ContentType, written.Value);
        });
}
