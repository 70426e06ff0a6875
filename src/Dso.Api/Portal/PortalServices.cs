using System.Threading.RateLimiting;
using Dso.Domain.Portal;
using Microsoft.AspNetCore.RateLimiting;

namespace Dso.Api.Portal;

/// <summary>Wires the customer page: its links, anti-forgery and the per-address rate limit.</summary>
public static class PortalServices
{
    public static void AddDsoPortal(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).Configure(o => o.PublicUrl = configuration["Dso:PublicUrl"])
            .Validate(o => o.PublicUrl is null || Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https", "Dso:PublicUrl must be an absolute http or https address.")
            .Validate(o => o.RequestsPerMinute > 0, "Dso:Portal:RequestsPerMinute must be positive.")
            .Validate(o => o.DocumentLinkLifetime > TimeSpan.Zero, "Dso:Portal:DocumentLinkLifetime must be positive.")
            .ValidateOnStart();
        services.AddSingleton<PortalLinks>();
        services.AddSingleton<IPortalAddress>(sp => sp.GetRequiredService<PortalLinks>());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "dso-portal";
            o.Cookie.Path = PortalLinks.PagePrefix;
            o.FormFieldName = "__portal";
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(PortalEndpoints.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
        });
    }
}
