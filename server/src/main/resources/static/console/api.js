// The console's only way to the server: the documented API, with the signed-in key.
const KEY = 'watchtime.key';

export const key = () => sessionStorage.getItem(KEY);
export const setKey = (value) => sessionStorage.setItem(KEY, value);
export const clearKey = () => sessionStorage.removeItem(KEY);

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let onUnauthorized = () => {};
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

export async function call(path, body, withKey = key()) {
  let response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${withKey}` },
      body: JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, e.message);
  }
  let json = null;
  try {
    json = await response.json();
  } catch (e) {
    // not JSON: a proxy's page; the status says enough
  }
  if (!response.ok || !json || json.code !== 200) {
    const error = new ApiError(response.status, (json && json.msg) || response.statusText);
    if (response.status === 401 && withKey === key()) onUnauthorized(error);
    throw error;
  }
  return json.data;
}

export const api = {
  durationList: (body) => call('/Api/RoomRounds/getAccountUserDurationList/2.0.0', body),
  roomUsers: (body) => call('/Api/RoomRounds/getRoomUserDurationList/2.0.0', body),
  devices: (roomId) => call('/Api/RoomStat/deviceStatList/2.0.0', { room_id: roomId }),
  roomList: (body) => call('/Api/RoomStat/getRoomList/1.0.0', body),
  roomSummary: (roomId) => call('/Api/RoomStat/getRoomSummary/1.0.0', { room_id: roomId }),
  onlineSeries: (roomId) => call('/Api/RoomStat/getOnlineSeries/1.0.0', { room_id: roomId }),
  ranking: (roomId, by, limit = 10) => call('/Api/RoomStat/getRoomRanking/1.0.0', { room_id: roomId, by, limit }),
  trend: (days) => call('/Api/RoomStat/getAccountTrend/1.0.0', { days }),
};
