// A local stand-in for the bookstore-catalog Lambda: `apigw mock` runs it for the
// Lambda proxy routes under /books, with the same event API Gateway would send.
const books = new Map([
  ['b-1', { id: 'b-1', title: 'The Pragmatic Programmer', author: 'Hunt & Thomas', priceCents: 4299 }],
  ['b-2', { id: 'b-2', title: 'Designing Data-Intensive Applications', author: 'Martin Kleppmann', priceCents: 4599 }],
]);

const json = (statusCode, body) => ({ statusCode, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export async function handler(event) {
  const id = event.pathParameters?.id;
  switch (`${event.httpMethod} ${event.resource}`) {
    case 'GET /books':
      return json(200, { items: [...books.values()] });
    case 'POST /books': {
      const book = { id: `b-${books.size + 1}`, ...JSON.parse(event.body ?? '{}') };
      books.set(book.id, book);
      return json(201, book);
    }
    case 'GET /books/{id}':
      return books.has(id) ? json(200, books.get(id)) : json(404, { message: `No book ${id}` });
    case 'DELETE /books/{id}':
      return books.delete(id) ? { statusCode: 204, body: '' } : json(404, { message: `No book ${id}` });
    default:
      return json(405, { message: `${event.httpMethod} ${event.resource} is not handled here` });
  }
}
