using Dso.Api.GraphQL.Common;
using Dso.Domain.Clients;

namespace Dso.Api.GraphQL.Clients;

/// <summary>One ordering of the clients list.</summary>
public sealed class ClientOrderInputType() : OrderInputGraphType<ClientOrderField>("ClientOrder");
