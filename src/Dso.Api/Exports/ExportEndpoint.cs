using Dso.Domain.Reports;
using Dso.Domain.Users;
using Microsoft.EntityFrameworkCore;

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

            var roles = await context.RequestServices.GetRequiredService<Dso.Domain.Persistence.DsoDbContext>().Users.IgnoreQueryFilters()
                .Where(u => u.Id == grant.UserId && u.OrganizationId == grant.OrganizationId && !u.Archived).Select(u => (Role?)u.Roles).SingleOrDefaultAsync(cancellationToken);
            if (roles is null)
            {
                return Results.NotFound();
            }

            await context.RequestServices.GetRequiredService<EnterAsUser>().ExecuteAsync(grant.OrganizationId, grant.UserId, roles.Value, cancellationToken);
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
