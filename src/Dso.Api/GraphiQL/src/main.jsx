import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { createRoot } from 'react-dom/client';

const fetcher = createGraphiQLFetcher({
  url: `${location.origin}/graphql`,
  headers: { Accept: 'application/graphql-response+json, application/json;q=0.9' },
});

const defaultQuery = `# Dso's GraphQL API. Your API key goes in
# the Headers tab below:
#   {"Authorization": "Bearer dso_..."}
# To keep it after a reload: Settings (the
# gear), Persist headers, On.
{
  organization { name mainCurrency }
  pieces(first: 10, filter: { overdue: true }) {
    totalCount
    nodes { number client { name } dueDate daysOverdue openAmount { amount currency } }
  }
}
`;

// GraphiQL keeps the headers (the API key) across reloads only once its user turns on "Persist headers" in
// its settings: the choice is stored, and off until made.
const persistHeaders = 'graphiql:shouldPersistHeaders';
if (localStorage.getItem(persistHeaders) === null) {
  localStorage.setItem(persistHeaders, 'false');
}

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} defaultHeaders={'{\n  "Authorization": "Bearer "\n}'} shouldPersistHeaders />,
);
