import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { createRoot } from 'react-dom/client';

const fetcher = createGraphiQLFetcher({
  url: `${location.origin}/graphql`,
  headers: { Accept: 'application/graphql-response+json, application/json;q=0.9' },
});

const defaultQuery = `# Put your API key in the Headers tab: {"Authorization": "Bearer dso_..."}
{
  organization { name mainCurrency }
  pieces(first: 10, filter: { overdue: true }) {
    totalCount
    nodes { number client { name } dueDate daysOverdue openAmount { amount currency } }
  }
}
`;

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} defaultHeaders={'{\n  "Authorization": "Bearer "\n}'} />,
);
