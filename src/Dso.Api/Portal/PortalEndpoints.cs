using Dso.Api.GraphQL.Common;
using Dso.Api.Messaging;
using Dso.Domain.Common;
using Dso.Domain.Messaging;
using Dso.Domain.Persistence;
using Dso.Domain.Portal;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dso.Api.Portal;

/// <summary>
/// The customer page: GET <c>/portal/{token}</c> shows it, a POST to the same address answers one of its forms
/// (anti-forgery checked, recorded once per form shown), GET <c>/portal/{token}/statement.pdf</c> downloads the
/// statement; GET <c>/documents/{token}</c> downloads a letter. A forged token is a 404, an expired or revoked one a
/// 410; every request is rate-limited per IP address, and no page is cached, framed or leaks its address onwards.
/// </summary>
public static class PortalEndpoints
{
    public const string RateLimitPolicy = "portal";

    private const long MaxFormBytes = 64 * 1024;

    public static void MapPortal(this WebApplication app)
    {
        var portal = app.MapGroup("").RequireRateLimiting(RateLimitPolicy);
        portal.MapGet(PortalLinks.PagePrefix + "{token}", ShowAsync);
        portal.MapPost(PortalLinks.PagePrefix + "{token}", AnswerAsync);
        portal.MapGet(PortalLinks.PagePrefix + "{token}/statement.pdf", StatementAsync);
        portal.MapGet(PortalLinks.DocumentPrefix + "{token}", DocumentAsync);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, string token, PortalLinks links, ShowPortal show, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var (result, view) = await OpenAsync(context, token, links, show, cancellationToken);
        return view is null ? result! : Html(context, PortalPage.Page(view, PortalLinks.PagePrefix + token, Fields(context, antiforgery)));
    }

    private static async Task<IResult> AnswerAsync(HttpContext context, string token, PortalLinks links, ShowPortal show, AnswerPortal answer, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var (result, view) = await OpenAsync(context, token, links, show, cancellationToken);
        if (view is null)
        {
            return result!;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxFormBytes;
        }

        var path = PortalLinks.PagePrefix + token;
        if (!context.Request.HasFormContentType)
        {
            return Html(context, PortalPage.Page(view, path, Fields(context, antiforgery), [UserError.Invalid("Send the page's forms.", "action")]), StatusCodes.Status400BadRequest);
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Html(context, PortalPage.Page(view, path, Fields(context, antiforgery), [UserError.Invalid("The form expired: send it again from this page.", "action")]), StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var kind = Enum.TryParse<PortalAnswerKind>(form["action"].ToString(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (PortalAnswerKind?)null;
        if (kind is null)
        {
            return Html(context, PortalPage.Page(view, path, Fields(context, antiforgery), [UserError.Invalid("This form cannot be sent from this page.", "action")]), StatusCodes.Status400BadRequest);
        }

        // The page's checkboxes carry the pieces' API IDs; anything else is named as a piece that is not open here.
        var pieces = form["pieceIds"].Select(v => GlobalId.DecodeAs("Piece", v)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-").ToList();
        var outcome = await answer.ExecuteAsync(
            new PortalAnswerRequest(view.Link.Key, form["submission"].ToString(), kind.Value, pieces, form["promiseDate"], form["amount"], form["reason"], form["comment"]), cancellationToken);
        if (outcome is null)
        {
            return Html(context, PortalPage.Gone(expired: true), StatusCodes.Status410Gone);
        }

        return outcome.Succeeded
            ? Html(context, PortalPage.Confirmation(view.Language, outcome.Value!, path))
            : Html(context, PortalPage.Page(view, path, Fields(context, antiforgery), outcome.Errors), StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> StatementAsync(HttpContext context, string token, PortalLinks links, ShowPortal show, IOptions<LetterOptions> letters, CancellationToken cancellationToken)
    {
        var (result, view) = await OpenAsync(context, token, links, show, cancellationToken);
        if (view is null)
        {
            return result!;
        }

        DejaVuFonts.Install(letters.Value.FontDirectory);
        var french = view.Language.StartsWith("fr", StringComparison.OrdinalIgnoreCase);
        var pdf = LetterPdf.Render(Letter.ForStatement(view), $"{(french ? "Relevé" : "Statement")} {view.ClientName}");
        return Results.File(pdf, "application/pdf", $"{(french ? "releve" : "statement")}-{view.ClientCode}.pdf");
    }

    private static async Task<IResult> DocumentAsync(HttpContext context, string token, PortalLinks links, DsoDbContext db, CancellationToken cancellationToken)
    {
        var (document, expired) = links.DocumentOf(token);
        if (document is not { } found)
        {
            return expired ? Results.Problem("This download link has expired; ask the API for the message's documentUrl again.", statusCode: StatusCodes.Status410Gone) : Results.NotFound();
        }

        db.Tenant.Enter(found.OrganizationId);
        var file = await db.MessageDocuments.AsNoTracking().Where(d => d.MessageId == found.MessageId).Select(d => new { d.FileName, d.Content }).FirstOrDefaultAsync(cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        return file is null ? Results.NotFound() : Results.File(file.Content, "application/pdf", file.FileName);
    }

    private static async Task<(IResult? Refused, PortalView? View)> OpenAsync(HttpContext context, string token, PortalLinks links, ShowPortal show, CancellationToken cancellationToken)
    {
        Secure(context);
        if (links.KeyOf(token) is not { } key)
        {
            return (Html(context, PortalPage.Gone(expired: false), StatusCodes.Status404NotFound), null);
        }

        var (access, view) = await show.ExecuteAsync(key, cancellationToken);
        return access switch
        {
            PortalAccess.Open => (null, view),
            PortalAccess.Gone => (Html(context, PortalPage.Gone(expired: true), StatusCodes.Status410Gone), null),
            _ => (Html(context, PortalPage.Gone(expired: false), StatusCodes.Status404NotFound), null),
        };
    }

    private static PortalPage.FormFields Fields(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new(tokens.FormFieldName, tokens.RequestToken ?? "");
    }

    private static void Secure(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Frame-Options"] = "DENY";
        headers["X-Content-Type-Options"] = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    private static IResult Html(HttpContext context, string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
