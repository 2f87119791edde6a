// A local stand-in for the bookstore-orders Lambda (the /orders routes).
const orders = [{ orderId: 'o-1001', status: 'SHIPPED', items: [{ bookId: 'b-1', quantity: 1 }] }];

const json = (statusCode, body) => ({ statusCode, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export async function handler(event) {
  if (event.resource === '/orders/{orderId}') {
    const order = orders.find((o) => o.orderId === event.pathParameters?.orderId);
    return order ? json(200, order) : json(404, { message: 'Order not found' });
  }
  return json(200, { items: orders, requestedBy: event.requestContext?.authorizer?.claims?.email ?? 'anonymous' });
}
