// Starts GraphiQL against this gateway, with the README's example operations as tabs.
// `examples` is filled in by gateway/edge/graphiql.ts when the page is served.
const examples = [] /* EXAMPLES */;
const fetcher = GraphiQL.createFetcher({ url: `${location.origin}/graphql` });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: true,
    defaultTabs: examples.length > 0 ? examples : undefined,
  }),
);
