// Chinese texts of delivery failures (they end up in the reminder log and the test answer).

/** Delivery failure messages. */
export const notifyMessages = {
  robotUnreachable: (cause: string) => `无法连接机器人地址：${cause}`,
  robotStatus: (status: number) => `机器人地址返回 HTTP ${status}`,
  robotNotJson: '机器人地址的回复不是 JSON，请检查地址是否正确',
  robotRefused: (code: string, message: string) =>
    `机器人拒收消息（错误码 ${code}${message ? `：${message}` : ''}）`,
  smtpFailed: (cause: string) => `邮件发送失败：${cause}`,
};
